package io.dicombq.adapter.out.sql;

import com.google.zetasql.ArrayType;
import com.google.zetasql.StructType;
import com.google.zetasql.Value;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionArgument;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInlineLambda;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import io.dicombq.adapter.out.h2.catalog.Catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions the analyzer resolves with generic arguments: those taking a lambda ({@code ARRAY_FILTER},
 * {@code ARRAY_TRANSFORM}, {@code ARRAY_INCLUDES(a, e -> …)}) and {@code ARRAY_ZIP} (BigQuery docs: array functions).
 * The elements are read at the positions of the warehouse's numbers table, as a correlated UNNEST reads them (H2's
 * own UNNEST cannot read a column of the outer query), each lambda argument bound to its element or zero-based
 * offset, and {@code ARRAY(SELECT … ORDER BY position)} keeps the input's order.
 */
final class LambdaFunctions {
    /** ZetaSQL's error for arrays of different lengths zipped in STRICT mode (reference implementation's words). */
    static final String UNEQUAL_LENGTHS = "Unequal array length in ARRAY_ZIP using STRICT mode";

    private LambdaFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions. */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        switch (name) {
            case "array_filter":
            case "array_transform":
            case "array_includes":
                return overElements(name, call, t);
            case "array_zip":
                return zip(call, t);
            default:
                return null;
        }
    }

    /** A one-array function whose lambda is evaluated for each element (and its offset) in order. */
    private static String overElements(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedFunctionArgument> args = call.getGenericArgumentList();
        ResolvedExpr arrayExpr = args.get(0).getExpr();
        ResolvedInlineLambda lambda = args.size() == 2 ? args.get(1).getInlineLambda() : null;
        if (arrayExpr == null || lambda == null) {
            return null;
        }
        String array = t.repeatable(arrayExpr, ResolvedFunctions.sqlName(call));
        String numbers = t.alias();
        String n = numbers + ".N";
        String element = "(" + array + ")[" + n + "]";
        Map<Long, String> bound = new HashMap<>();
        bound.put(lambda.getArgumentList().get(0).getId(), element);
        if (lambda.getArgumentList().size() > 1) {
            bound.put(lambda.getArgumentList().get(1).getId(), "CAST(" + n + " - 1 AS BIGINT)");
        }
        String body = t.exprWith(bound, lambda.getBody());
        String positions = " FROM " + Catalog.numsTable() + " AS " + numbers + " WHERE " + n + " <= "
                + bound(List.of(arrayExpr), "CARDINALITY(" + array + ")", t);
        String result;
        switch (name) {
            case "array_filter":
                // FALSE and NULL both drop the element (BigQuery docs: ARRAY_FILTER).
                result = "ARRAY(SELECT " + element + positions + " AND (" + body + ") IS TRUE ORDER BY " + n + ")";
                break;
            case "array_transform":
                result = "ARRAY(SELECT " + body + positions + " ORDER BY " + n + ")";
                break;
            default:
                // Stops at the first element found, as ZetaSQL's reference implementation does.
                result = "EXISTS(SELECT 1" + positions + " AND (" + body + ") IS TRUE)";
                break;
        }
        return "CASE WHEN " + array + " IS NULL THEN NULL ELSE CAST(" + result + " AS "
                + ResolvedTranslator.h2Type(call.getType()) + ") END";
    }

    /**
     * ARRAY_ZIP(a1, a2[, …][, lambda], mode): STRUCTs of the elements at each position (named as the analyzer typed
     * them) or the lambda's value; NULL when an array or the mode is NULL; STRICT fails on unequal lengths, TRUNCATE
     * stops at the shortest, PAD runs to the longest with NULLs (BigQuery docs: ARRAY_ZIP).
     */
    private static String zip(ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> arrayExprs = new ArrayList<>();
        ResolvedInlineLambda lambda = null;
        ResolvedExpr mode = null;
        for (ResolvedFunctionArgument arg : call.getGenericArgumentList()) {
            if (arg.getInlineLambda() != null) {
                lambda = arg.getInlineLambda();
            } else if (arg.getExpr() != null && arg.getExpr().getType().isArray()) {
                arrayExprs.add(arg.getExpr());
            } else if (arg.getExpr() != null && arg.getExpr().getType().isEnum()) {
                mode = arg.getExpr();
            } else {
                return null;
            }
        }
        String type = ResolvedTranslator.h2Type(call.getType());
        List<String> arrays = new ArrayList<>();
        List<String> nullTests = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        for (ResolvedExpr arrayExpr : arrayExprs) {
            String array = t.repeatable(arrayExpr, ResolvedFunctions.sqlName(call));
            arrays.add(array);
            nullTests.add(array + " IS NULL");
            lengths.add("CARDINALITY(" + array + ")");
        }
        String anyNull = String.join(" OR ", nullTests);
        String modeName = modeName(mode);
        if (modeName == null) {
            return "CAST(CASE WHEN " + anyNull + " THEN NULL END AS " + type + ")";
        }
        String numbers = t.alias();
        String n = numbers + ".N";
        boolean pad = modeName.equals("PAD");
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            String element = "(" + arrays.get(i) + ")[" + n + "]";
            elements.add(pad ? "CASE WHEN " + n + " <= " + lengths.get(i) + " THEN " + element + " END" : element);
        }
        String value;
        if (lambda == null) {
            StructType struct = (StructType) ((ArrayType) call.getType()).getElementType();
            value = ResolvedTranslator.row(elements, struct, false);
        } else {
            Map<Long, String> bound = new HashMap<>();
            for (int i = 0; i < elements.size(); i++) {
                bound.put(lambda.getArgumentList().get(i).getId(), elements.get(i));
            }
            value = t.exprWith(bound, lambda.getBody());
        }
        String length = pad ? "GREATEST(" + String.join(", ", lengths) + ")"
                : modeName.equals("TRUNCATE") ? "LEAST(" + String.join(", ", lengths) + ")" : lengths.get(0);
        String zipped = "CAST(ARRAY(SELECT " + value + " FROM " + Catalog.numsTable() + " AS " + numbers
                + " WHERE " + n + " <= " + bound(arrayExprs, length, t) + " ORDER BY " + n + ") AS " + type + ")";
        StringBuilder sql = new StringBuilder("CASE WHEN " + anyNull + " THEN NULL");
        if (modeName.equals("STRICT")) {
            List<String> equal = new ArrayList<>();
            for (int i = 1; i < lengths.size(); i++) {
                equal.add(lengths.get(0) + " = " + lengths.get(i));
            }
            sql.append(" WHEN NOT (").append(String.join(" AND ", equal)).append(") THEN CAST(")
                    .append(StrictFunctions.call("error", "'" + UNEQUAL_LENGTHS + "'")).append(" AS ").append(type).append(")");
        }
        return sql.append(" ELSE ").append(zipped).append(" END").toString();
    }

    /** The mode's name (STRICT, TRUNCATE, PAD), or {@code null} for a NULL mode; it is a literal in BigQuery's syntax. */
    private static String modeName(ResolvedExpr mode) {
        if (mode == null) {
            return "STRICT";
        }
        if (!(mode instanceof ResolvedLiteral)) {
            throw ResolvedTranslator.refuse("ARRAY_ZIP with a mode that is not a literal");
        }
        Value value = ((ResolvedLiteral) mode).getValue();
        return value.isNull() ? null : value.getEnumName().toUpperCase(Locale.ROOT);
    }

    /** The positions' upper bound: a stored array fits the numbers table, a built one is checked against it. */
    private static String bound(List<ResolvedExpr> arrays, String length, ResolvedTranslator t) {
        return arrays.stream().allMatch(t::stored) ? length : UnnestPositions.checkedLength(length);
    }
}
