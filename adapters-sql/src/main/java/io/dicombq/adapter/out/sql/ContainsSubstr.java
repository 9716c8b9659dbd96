package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.Function;
import com.google.zetasql.FunctionArgumentType;
import com.google.zetasql.FunctionProtos;
import com.google.zetasql.FunctionSignature;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLFunctions.FunctionEnums.ArgumentCardinality;
import com.google.zetasql.ZetaSQLFunctions.FunctionEnums.Mode;
import com.google.zetasql.ZetaSQLFunctions.FunctionEnums.NamedArgumentKind;
import com.google.zetasql.ZetaSQLFunctions.SignatureArgumentKind;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedParameter;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CONTAINS_SUBSTR(expression, search_value[, json_scope => …])}, which BigQuery has and ZetaSQL 2024.11.1's
 * analyzer lacks, so the catalog declares it (any expression, a STRING search value, the optional named
 * {@code json_scope}). BigQuery's rule (BigQuery docs: CONTAINS_SUBSTR): each value is cast to STRING, both sides are
 * NFKC-normalized and case folded, and the search value must be found in it; a STRUCT (a table row too) is searched
 * field by field, recursively: TRUE when a field holds it, else NULL when a field is NULL, else FALSE, and NULL when
 * the expression itself is NULL. SQL's three-valued OR is that rule, so fields are joined with OR.
 */
final class ContainsSubstr {
    static final String NAME = "contains_substr";
    /** The scopes BigQuery takes; they matter only for JSON, which is refused, so a valid one changes nothing. */
    private static final Set<String> JSON_SCOPES = Set.of("JSON_VALUES", "JSON_KEYS", "JSON_KEYS_AND_VALUES");

    private ContainsSubstr() {
    }

    /** The function as the analyzer's catalog declares it. */
    static Function declaration() {
        TypeFactory types = TypeFactory.nonUniqueNames();
        FunctionArgumentType any = new FunctionArgumentType(SignatureArgumentKind.ARG_TYPE_ANY_1);
        FunctionArgumentType search = new FunctionArgumentType(types.createSimpleType(TypeKind.TYPE_STRING));
        FunctionArgumentType scope = new FunctionArgumentType(types.createSimpleType(TypeKind.TYPE_STRING),
                FunctionArgumentType.FunctionArgumentTypeOptions.builder()
                        .setCardinality(ArgumentCardinality.OPTIONAL)
                        .setArgumentName("json_scope", NamedArgumentKind.NAMED_ONLY)
                        .build(), -1);
        FunctionArgumentType result = new FunctionArgumentType(types.createSimpleType(TypeKind.TYPE_BOOL));
        return new Function(NAME, "BigQuery", Mode.SCALAR,
                List.of(new FunctionSignature(result, List.of(any, search, scope), -1)),
                FunctionProtos.FunctionOptionsProto.newBuilder().setSqlName("CONTAINS_SUBSTR").build());
    }

    static String render(ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        ResolvedExpr search = args.get(1);
        if (!(search instanceof ResolvedLiteral) && !(search instanceof ResolvedParameter)) {
            // BigQuery takes a literal or a constant expression here.
            throw ResolvedTranslator.refuse("CONTAINS_SUBSTR with a search value that is not a literal or a parameter");
        }
        // An omitted json_scope arrives as a NULL literal.
        String scope = args.size() > 2 && !isNullLiteral(args.get(2)) ? ResolvedFunctions.stringLiteral(args.get(2)) : "JSON_VALUES";
        if (scope == null || !JSON_SCOPES.contains(scope)) {
            throw ResolvedTranslator.refuse("CONTAINS_SUBSTR with a json_scope other than 'JSON_VALUES', 'JSON_KEYS' or"
                    + " 'JSON_KEYS_AND_VALUES'");
        }
        ResolvedExpr expression = args.get(0);
        return "(" + search(expression.getType(), t.expr(expression), t.expr(search), t.stored(expression), t) + ")";
    }

    private static boolean isNullLiteral(ResolvedExpr e) {
        return e instanceof ResolvedLiteral && ((ResolvedLiteral) e).getValue().isNull();
    }

    /** Whether {@code sql}, of {@code type}, holds the search value, by BigQuery's rule. */
    private static String search(Type type, String sql, String search, boolean stored, ResolvedTranslator t) {
        if (type.isStruct()) {
            StructType struct = (StructType) type;
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < struct.getFieldCount(); i++) {
                String field = "(" + sql + ")." + Names.quote(ZetaTypes.fieldName(struct, i));
                fields.add("(" + search(struct.getField(i).getType(), field, search, stored, t) + ")");
            }
            String any = fields.isEmpty() ? "FALSE" : String.join(" OR ", fields);
            return "CASE WHEN " + ResolvedFunctions.isNull(sql, type, true) + " THEN NULL ELSE " + any + " END";
        }
        if (type.isArray()) {
            return array((ArrayType) type, sql, search, stored, t);
        }
        if (type.isString() || type.isInt64() || type.isBool() || type.isNumeric() || type.isDate() || type.isTime()
                || type.isDatetime() || type.isTimestamp()) {
            String text = Functions.text(new Typed(sql, ResolvedTranslator.columnOf(type))).sql();
            return ResolvedFunctions.call("contains_folded", text, search);
        }
        throw ResolvedTranslator.refuse("CONTAINS_SUBSTR over a value of type " + ZetaTypes.name(type));
    }

    /**
     * An array's elements, each searched as a field is. An element that is NULL itself, where no element holds the
     * search value, is refused: BigQuery's documentation gives the rule for NULL fields, not for NULL elements.
     */
    private static String array(ArrayType type, String sql, String search, boolean stored, ResolvedTranslator t) {
        String numbers = t.alias();
        String n = numbers + ".N";
        String element = "(" + sql + ")[" + n + "]";
        String found = search(type.getElementType(), element, search, stored, t);
        String length = "CARDINALITY(" + sql + ")";
        String unknown = "CAST(" + StrictFunctions.call("unknown_answer",
                "'CONTAINS_SUBSTR over an array with a NULL element'") + " AS BOOLEAN)";
        return "CASE WHEN " + sql + " IS NULL THEN NULL ELSE (SELECT CASE WHEN COUNT(CASE WHEN " + found
                + " THEN 1 END) > 0 THEN TRUE WHEN COUNT(CASE WHEN "
                + ResolvedFunctions.isNull(element, type.getElementType(), true) + " THEN 1 END) > 0 THEN " + unknown
                + " WHEN COUNT(CASE WHEN (" + found + ") IS NULL THEN 1 END) > 0 THEN NULL ELSE FALSE END FROM "
                + Catalog.numsTable() + " AS " + numbers + " WHERE " + n + " <= "
                + (stored ? length : UnnestPositions.checkedLength(length)) + ") END";
    }
}
