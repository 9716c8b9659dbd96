package io.dicombq.adapter.out.sql;

import com.google.zetasql.Type;
import com.google.zetasql.Value;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedNonScalarFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOrderByItem;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Functions and operators of a resolved statement in H2 SQL. Arguments arrive with their coercions already applied
 * by ZetaSQL, so each rendering depends on the resolved types only. Functions whose BigQuery semantics the
 * hand-written translator already implements (SUBSTR, REGEXP_*, JSON_*, EXTRACT, DATE_ADD…) are handed to it.
 */
final class ResolvedFunctions {
    /** Functions that cannot fail, so the {@code SAFE.} prefix changes nothing (BigQuery docs: SAFE. prefix). */
    private static final Set<String> TOTAL = Set.of("concat", "$concat_op", "lower", "upper", "length", "char_length",
            "character_length", "trim", "ltrim", "rtrim", "starts_with", "ends_with", "ifnull", "coalesce", "if", "nullif",
            "array_length", "array_to_string", "regexp_contains", "to_json_string", "current_date", "current_timestamp",
            "current_datetime", "current_time", "$safe_array_at_offset", "$safe_array_at_ordinal", "safe_divide",
            "ceil", "floor", "ieee_divide", "sign", "replace", "split", "safe_add", "safe_subtract", "safe_multiply",
            "safe_negate", "greatest", "least");
    /** Functions whose rendering honours the {@code SAFE.} prefix itself; others go through {@link SafeCalls}. */
    private static final Set<String> SAFE_CAPABLE = Set.of("round", "trunc", "pow", "sqrt", "ln", "log", "log10", "exp", "error");

    /** Functions of the hand-written translator, by ZetaSQL's name. */
    private static final Set<String> BRIDGED = Set.of("lower", "upper", "trim", "ltrim", "rtrim", "length",
            "char_length", "character_length", "starts_with", "ends_with", "substr", "substring", "array_to_string",
            "regexp_contains", "regexp_extract", "json_value", "json_query", "to_json_string", "$extract", "$extract_date",
            "$extract_time", "$extract_datetime", "date_diff",
            "date_add", "date_sub", "current_date", "current_datetime", "current_time", "current_timestamp",
            "format_date", "parse_date");

    /** Aggregates that also run as analytic functions, besides {@link StatisticalAggregates#WINDOWED}. */
    private static final Set<String> WINDOWED = Set.of("$count_star", "count", "countif", "sum", "avg", "min", "max",
            "logical_and", "logical_or", "array_agg", "string_agg");

    /** Aggregates that cannot fail on any input, so {@code SAFE.} changes nothing (BigQuery docs: SAFE. prefix). */
    private static final Set<String> TOTAL_AGGREGATES = Set.of("$count_star", "count", "countif", "min", "max", "any_value",
            "logical_and", "logical_or", "array_agg", "string_agg", "array_concat_agg", "bit_and", "bit_or", "bit_xor",
            "avg", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "corr", "covar_pop", "covar_samp");

    private ResolvedFunctions() {
    }

    static String call(ResolvedFunctionCall call, ResolvedTranslator t) {
        String name = call.getFunction().getName().toLowerCase(Locale.ROOT);
        if (ResolvedTranslator.safe(call) && !TOTAL.contains(name) && !SAFE_CAPABLE.contains(name)
                && !NumberFunctions.SAFE_CAPABLE.contains(name) && !StringFunctions.TOTAL.contains(name)) {
            return SafeCalls.render(call, name, t);
        }
        return render(call, name, t);
    }

    /** The call as if it had no {@code SAFE.} prefix. */
    static String render(ResolvedFunctionCall call, String name, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        if (!call.getGenericArgumentList().isEmpty()) {
            String lambda = LambdaFunctions.call(name, call, t);
            if (lambda == null) {
                throw ResolvedTranslator.refuse("function " + sqlName(call) + " with lambda or generic arguments");
            }
            return lambda;
        }
        if (RangeFunctions.involvesRange(call)) {
            return RangeFunctions.call(name, call, t);
        }
        RangeFunctions.refuseHeld(name, call);
        if (BigNumericFunctions.involved(call)) {
            return BigNumericFunctions.call(name, call, t);
        }
        if (IntervalFunctions.involved(call)) {
            return IntervalFunctions.call(name, call, t);
        }
        return renderPlain(call, name, t);
    }

    /**
     * The call rendered without regard to BIGNUMERIC and INTERVAL: {@link BigNumericFunctions} and
     * {@link IntervalFunctions} decide first whether it may be.
     */
    static String renderPlain(ResolvedFunctionCall call, String name, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        Type type = call.getType();
        switch (name) {
            case "iferror":
            case "iserror":
            case "nulliferror":
                return ErrorCatching.render(call, name, t);
            case "error":
                // SAFE.ERROR is NULL: the one thing ERROR does is fail
                return "CAST(" + (ResolvedTranslator.safe(call) ? "NULL" : StrictFunctions.call("error", t.expr(args.get(0))))
                        + " AS " + ResolvedTranslator.h2Type(type) + ")";
            case "$add":
            case "$subtract":
            case "$multiply":
                return arithmetic(name, args, type, t);
            case "$divide":
                return divide(args, type, t, false);
            case "safe_divide":
                return divide(args, type, t, true);
            case "div":
                if (type.isInt64()) {
                    return StrictFunctions.call("idiv", t.expr(args.get(0)), t.expr(args.get(1)));
                }
                break;
            case "mod":
                if (type.isInt64() || type.isNumeric()) {
                    return "MOD(" + t.expr(args.get(0)) + ", " + t.expr(args.get(1)) + ")";
                }
                throw unsupportedTypes(call);
            case "$unary_minus":
                if (type.isInt64() || type.isDouble() || type.isNumeric()) {
                    return "(-" + t.expr(args.get(0)) + ")";
                }
                throw unsupportedTypes(call);
            case "abs":
                if (type.isInt64() || type.isDouble() || type.isNumeric()) {
                    return "ABS(" + t.expr(args.get(0)) + ")";
                }
                throw unsupportedTypes(call);
            case "$equal":
            case "$not_equal":
                if (t.caseInsensitive() && !call.getCollationList().isEmpty()) {
                    String equal = call("text_equal_ci", t.expr(args.get(0)), t.expr(args.get(1)));
                    return name.equals("$equal") ? equal : "(NOT " + equal + ")";
                }
                return compare(name.equals("$equal") ? "=" : "<>", args, call, t);
            case "collate":
                // The collation changes how the value compares, not the value (BigQuery docs: COLLATE).
                return t.expr(args.get(0));
            case "$less":
                return compare("<", args, call, t);
            case "$less_or_equal":
                return compare("<=", args, call, t);
            case "$greater":
                return compare(">", args, call, t);
            case "$greater_or_equal":
                return compare(">=", args, call, t);
            case "$between":
                if (args.get(0).getType().isDouble() || args.get(1).getType().isDouble() || args.get(2).getType().isDouble()) {
                    return "(" + compare(">=", List.of(args.get(0), args.get(1)), call, t) + " AND "
                            + compare("<=", List.of(args.get(0), args.get(2)), call, t) + ")";
                }
                requireScalar(call, args);
                return "(" + t.expr(args.get(0)) + " BETWEEN " + t.expr(args.get(1)) + " AND " + t.expr(args.get(2)) + ")";
            case "$in":
                if (t.caseInsensitive() && !call.getCollationList().isEmpty()) {
                    // x IN (a, b) is x = a OR x = b, NULLs included (BigQuery docs: IN operator).
                    List<String> equal = new ArrayList<>();
                    String value = t.repeatable(args.get(0), "IN");
                    for (ResolvedExpr candidate : args.subList(1, args.size())) {
                        equal.add(call("text_equal_ci", value, t.expr(candidate)));
                    }
                    return "(" + String.join(" OR ", equal) + ")";
                }
                return in(args, call, t);
            case "$in_array":
                return inArray(args, call, t);
            case "$and":
                return joined(" AND ", args, t);
            case "$or":
                return joined(" OR ", args, t);
            case "$not":
                return "(NOT " + t.expr(args.get(0)) + ")";
            case "$is_null":
                return "(" + isNull(t.expr(args.get(0)), args.get(0).getType(), true) + ")";
            case "$is_true":
                return "(" + t.expr(args.get(0)) + " IS TRUE)";
            case "$is_false":
                return "(" + t.expr(args.get(0)) + " IS FALSE)";
            case "$is_distinct_from":
                requireScalarOrPlainArray(call, args);
                return "(" + t.expr(args.get(0)) + " IS DISTINCT FROM " + t.expr(args.get(1)) + ")";
            case "$is_not_distinct_from":
                requireScalarOrPlainArray(call, args);
                return "(" + t.expr(args.get(0)) + " IS NOT DISTINCT FROM " + t.expr(args.get(1)) + ")";
            case "$like":
                requireString(call, args.get(0));
                return "(" + t.expr(args.get(0)) + " LIKE " + t.expr(args.get(1)) + " ESCAPE '\\')";
            case "$like_any":
            case "$like_all":
                return likeQuantified(name.endsWith("any") ? " OR " : " AND ", args, call, t);
            case "$like_any_array":
            case "$like_all_array":
                return likeQuantifiedArray(name.equals("$like_any_array"), args, call, t);
            case "$case_no_value":
                return caseNoValue(args, t);
            case "$case_with_value":
                return caseWithValue(args, call, t);
            case "if":
                return "CASE WHEN " + t.expr(args.get(0)) + " THEN " + t.expr(args.get(1)) + " ELSE " + t.expr(args.get(2)) + " END";
            case "ifnull":
            case "coalesce":
                return "COALESCE(" + list(args, t) + ")";
            case "nullif":
                return "CASE WHEN " + compare("=", args, call, t) + " THEN NULL ELSE " + t.expr(args.get(0)) + " END";
            case "concat":
            case "$concat_op":
                if (type.isArray()) {
                    return arrayConcat(args, type, t);
                }
                if (!type.isString() && !type.isBytes()) {
                    throw unsupportedTypes(call);
                }
                // BigQuery: NULL when any argument is NULL, as H2's || is (on BINARY VARYING too).
                return "(" + joinedArgs(" || ", args, t) + ")";
            case "array_concat":
                return arrayConcat(args, type, t);
            case "$make_array":
                return "CAST(ARRAY[" + list(args, t) + "] AS " + ResolvedTranslator.h2Type(type) + ")";
            case "array_length":
                return "CAST(CARDINALITY(" + t.expr(args.get(0)) + ") AS BIGINT)";
            case "$array_at_offset":
            case "$subscript":
                if (args.get(0).getType().isJson()) {
                    return JsonDocumentFunctions.call(name, call, t);
                }
                if (!args.get(0).getType().isArray() || !args.get(1).getType().isInt64()) {
                    throw unsupportedTypes(call);
                }
                return checkedSubscript(t.expr(args.get(0)), t.expr(args.get(1)), 0);
            case "$array_at_ordinal":
                return checkedSubscript(t.expr(args.get(0)), t.expr(args.get(1)), 1);
            case "$safe_array_at_offset":
            case "$safe_array_at_ordinal": {
                String array = t.expr(args.get(0));
                String index = t.expr(args.get(1));
                String position = name.endsWith("offset") ? "(" + index + " + 1)" : index;
                // A NULL subscript, not a CASE around the subscript: H2 folds a constant subscript out of range
                // into an error before the CASE is looked at ([1,2,3][SAFE_OFFSET(-1)]).
                return "(" + array + ")[CASE WHEN " + position + " BETWEEN 1 AND CARDINALITY(" + array + ") THEN "
                        + position + " END]";
            }
            case "date_trunc":
            case "datetime_trunc":
            case "timestamp_trunc":
            case "time_trunc":
                return trunc(args, call, t);
            case "last_day":
                return lastDay(args, call, t);
            case ContainsSubstr.NAME:
                return ContainsSubstr.render(call, t);
            case "date_bucket":
            case "datetime_bucket":
            case "timestamp_bucket":
                return Buckets.render(call, name, t);
            default:
                break;
        }
        String text = StringFunctions.call(name, call, t);
        if (text != null) {
            return text;
        }
        String more = MoreFunctions.call(name, call, t);
        more = more != null ? more : TimeFunctions.call(name, call, t);
        more = more != null ? more : NetFunctions.call(name, call, t);
        if (more != null) {
            return more;
        }
        String family = MathArrayJsonFunctions.call(name, call, t);
        if (family != null) {
            return family;
        }
        if (BRIDGED.contains(name)) {
            return bridged(call, t);
        }
        throw ResolvedTranslator.refuse("Function " + sqlName(call));
    }

    // ---- arithmetic and comparisons

    private static String arithmetic(String name, List<ResolvedExpr> args, Type type, ResolvedTranslator t) {
        String a = t.expr(args.get(0));
        String b = t.expr(args.get(1));
        String operator = name.equals("$add") ? "+" : name.equals("$subtract") ? "-" : "*";
        if (type.isInt64() && args.get(0).getType().isInt64() && args.get(1).getType().isInt64()) {
            // H2 fails on BIGINT overflow too, but in its own words; BigQuery's name the operation.
            return StrictFunctions.call("iarith", a, b, "'" + operator + "'");
        }
        if (type.isDouble()) {
            String function = operator.equals("+") ? "fadd" : operator.equals("-") ? "fsub" : "fmul";
            return StrictFunctions.call(function, a, b);
        }
        if (type.isNumeric() && args.get(0).getType().isNumeric() && args.get(1).getType().isNumeric()) {
            return "CAST(" + a + " " + operator + " " + b + " AS NUMERIC(38, 9))";
        }
        if (type.isDate() && (args.get(0).getType().isInt64() || args.get(1).getType().isInt64())) {
            // DATE + INT64, INT64 + DATE and DATE - INT64 add days, as DATE_ADD does (BigQuery docs: date arithmetics operators)
            boolean dateFirst = args.get(0).getType().isDate();
            String days = dateFirst ? b : a;
            return BigQueryFunctions.call("date_add", dateFirst ? a : b, operator.equals("-") ? "-(" + days + ")" : days, "'DAY'");
        }
        throw ResolvedTranslator.refuse("operator " + operator + " on " + ZetaTypes.name(args.get(0).getType()) + " and "
                + ZetaTypes.name(args.get(1).getType()));
    }

    private static String divide(List<ResolvedExpr> args, Type type, ResolvedTranslator t, boolean safe) {
        String a = t.expr(args.get(0));
        String b = t.expr(args.get(1));
        String flag = safe ? "TRUE" : "FALSE";
        if (type.isDouble()) {
            return StrictFunctions.call("fdiv", a, b, flag);
        }
        if (type.isNumeric()) {
            return "CAST(" + StrictFunctions.call("ndiv", a, b, flag) + " AS NUMERIC(38, 9))";
        }
        throw ResolvedTranslator.refuse((safe ? "SAFE_DIVIDE" : "operator /") + " on " + ZetaTypes.name(type));
    }

    private static String compare(String operator, List<ResolvedExpr> args, ResolvedFunctionCallBase call, ResolvedTranslator t) {
        Type left = args.get(0).getType();
        Type right = args.get(1).getType();
        if (left.isDouble() || right.isDouble()) {
            return StrictFunctions.call("fcmp", t.expr(args.get(0)), t.expr(args.get(1)), "'" + operator + "'");
        }
        requireScalar(call, args);
        String a = t.expr(args.get(0));
        String b = t.expr(args.get(1));
        if (simple(args.get(0)) && simple(args.get(1))) {
            return "(" + a + " " + operator + " " + b + ")";
        }
        // H2 skips the right operand when the left is NULL; BigQuery evaluates both, so an error there still fails.
        return "(CASE WHEN " + a + " IS NULL AND " + b + " IS NULL THEN NULL ELSE " + a + " " + operator + " " + b + " END)";
    }

    /** An operand that cannot fail: a column, a literal, a parameter. */
    private static boolean simple(ResolvedExpr e) {
        return e instanceof com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef || e instanceof ResolvedLiteral
                || e instanceof com.google.zetasql.resolvedast.ResolvedNodes.ResolvedParameter;
    }

    private static String in(List<ResolvedExpr> args, ResolvedFunctionCall call, ResolvedTranslator t) {
        boolean floating = args.stream().anyMatch(a -> a.getType().isDouble());
        if (floating) {
            List<String> tests = new ArrayList<>();
            for (int i = 1; i < args.size(); i++) {
                tests.add(compare("=", List.of(args.get(0), args.get(i)), call, t));
            }
            return "(" + String.join(" OR ", tests) + ")";
        }
        requireScalar(call, args);
        return "(" + t.expr(args.get(0)) + " IN (" + list(args.subList(1, args.size()), t) + "))";
    }

    /** {@code x IN UNNEST(a)}: FALSE for an empty or NULL array, else SQL's IN over the elements. */
    private static String inArray(List<ResolvedExpr> args, ResolvedFunctionCall call, ResolvedTranslator t) {
        Type element = ((com.google.zetasql.ArrayType) args.get(1).getType()).getElementType();
        if (element.isDouble() || element.isStruct() || element.isArray()) {
            throw unsupportedTypes(call);
        }
        String value = t.expr(args.get(0));
        String array = t.expr(args.get(1));
        return "(CASE WHEN COALESCE(CARDINALITY(" + array + "), 0) = 0 THEN FALSE WHEN " + value + " IS NULL THEN NULL"
                + " WHEN ARRAY_CONTAINS(" + array + ", " + value + ") THEN TRUE"
                + " WHEN ARRAY_CONTAINS(" + array + ", NULL) THEN NULL ELSE FALSE END)";
    }

    private static String likeQuantified(String joiner, List<ResolvedExpr> args, ResolvedFunctionCall call, ResolvedTranslator t) {
        requireString(call, args.get(0));
        String value = t.expr(args.get(0));
        List<String> tests = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            tests.add("(" + value + " LIKE " + t.expr(args.get(i)) + " ESCAPE '\\')");
        }
        return "(" + String.join(joiner, tests) + ")";
    }

    /**
     * {@code x LIKE ANY|ALL UNNEST(patterns)}: the OR (AND) of {@code x LIKE p} over the elements, so with SQL's
     * three-valued logic; an empty or NULL array gives FALSE for ANY and TRUE for ALL. The positions come from the
     * numbers table, since H2 cannot correlate an UNNEST of an outer column ({@link UnnestPositions}).
     */
    private static String likeQuantifiedArray(boolean any, List<ResolvedExpr> args, ResolvedFunctionCall call, ResolvedTranslator t) {
        requireString(call, args.get(0));
        String array = t.expr(args.get(1));
        String match = "(" + t.expr(args.get(0)) + " LIKE (" + array + ")[\"like_n\".N] ESCAPE '\\')";
        String decided = any ? "TRUE" : "FALSE";
        return "(SELECT CASE WHEN COUNT(CASE WHEN " + match + " = " + decided + " THEN 1 END) > 0 THEN " + decided
                + " WHEN COUNT(CASE WHEN " + match + " IS NULL THEN 1 END) > 0 THEN NULL ELSE " + !any
                + " END FROM " + Catalog.numsTable() + " AS \"like_n\" WHERE \"like_n\".N <= "
                + UnnestPositions.checkedLength("CARDINALITY(" + array + ")") + ")";
    }

    private static String caseNoValue(List<ResolvedExpr> args, ResolvedTranslator t) {
        StringBuilder sql = new StringBuilder("CASE");
        int i = 0;
        for (; i + 1 < args.size(); i += 2) {
            sql.append(" WHEN ").append(t.expr(args.get(i))).append(" THEN ").append(t.expr(args.get(i + 1)));
        }
        if (i < args.size()) {
            sql.append(" ELSE ").append(t.expr(args.get(i)));
        }
        return sql.append(" END").toString();
    }

    private static String caseWithValue(List<ResolvedExpr> args, ResolvedFunctionCall call, ResolvedTranslator t) {
        StringBuilder sql = new StringBuilder("CASE");
        int i = 1;
        for (; i + 1 < args.size(); i += 2) {
            sql.append(" WHEN ").append(compare("=", List.of(args.get(0), args.get(i)), call, t))
                    .append(" THEN ").append(t.expr(args.get(i + 1)));
        }
        if (i < args.size()) {
            sql.append(" ELSE ").append(t.expr(args.get(i)));
        }
        return sql.append(" END").toString();
    }

    /**
     * DATE_TRUNC, DATETIME_TRUNC, TIMESTAMP_TRUNC (in UTC or the zone given), TIME_TRUNC: weeks start on Sunday,
     * WEEK(&lt;WEEKDAY&gt;) on that day, ISOWEEK on Monday; ISOYEAR at its first Monday (BigQuery docs: DATE_TRUNC).
     */
    private static String trunc(List<ResolvedExpr> args, ResolvedFunctionCall call, ResolvedTranslator t) {
        Type type = args.get(0).getType();
        String value = t.expr(args.get(0));
        String part = datePart(args.get(1));
        if (type.isDate() && args.size() == 2) {
            switch (part) {
                case "DAY":
                    return value;
                case "MONTH":
                case "QUARTER":
                case "YEAR":
                    return "CAST(DATE_TRUNC(" + part + ", " + value + ") AS DATE)";
                default:
                    return call("trunc_date", value, "'" + part + "'");
            }
        }
        if (type.isDatetime() && args.size() == 2) {
            return call("trunc_datetime", value, "'" + part + "'");
        }
        if (type.isTimestamp()) {
            return call("trunc_timestamp", value, "'" + part + "'", args.size() > 2 ? t.expr(args.get(2)) : "'UTC'");
        }
        if (type.getKind() == com.google.zetasql.ZetaSQLType.TypeKind.TYPE_TIME && args.size() == 2) {
            return call("trunc_time", value, "'" + part + "'");
        }
        throw unsupportedTypes(call);
    }

    /** LAST_DAY(date or datetime[, part]): a DATE, the end of the month unless another part is given. */
    private static String lastDay(List<ResolvedExpr> args, ResolvedFunctionCall call, ResolvedTranslator t) {
        Type type = args.get(0).getType();
        if (!type.isDate() && !type.isDatetime()) {
            throw unsupportedTypes(call);
        }
        String part = args.size() > 1 ? datePart(args.get(1)) : "MONTH";
        return call("last_day_of", "CAST(" + t.expr(args.get(0)) + " AS DATE)", "'" + part + "'");
    }

    /** The SQL call of a function the engine installs in H2. */
    static String call(String function, String... args) {
        return StrictFunctions.call(function, args);
    }

    // ---- the hand-written translator's functions

    private static String bridged(ResolvedFunctionCall call, ResolvedTranslator t) {
        String name = call.getFunction().getName().toUpperCase(Locale.ROOT).replace("$", "");
        List<ResolvedExpr> args = call.getArgumentList();
        List<Ast.Expr> exprs = new ArrayList<>();
        for (ResolvedExpr arg : args) {
            exprs.add(isDatePart(arg) ? datePartAst(arg) : isNullLiteral(arg) ? new Ast.Literal(Ast.LiteralKind.NULL, "NULL", Token.NONE)
                    : stringLiteral(arg) != null
                    // formats, patterns and JSONPaths must be literals for the hand-written functions
                    ? new Ast.Literal(Ast.LiteralKind.STRING, stringLiteral(arg), Token.NONE)
                    : new Ast.Translated(new Typed(t.expr(arg), ResolvedTranslator.columnOf(arg.getType())), Token.NONE));
        }
        if (name.startsWith("EXTRACT_")) {
            // EXTRACT(DATE|TIME|DATETIME FROM timestamp) resolves to its own function
            exprs = List.of(new Ast.Path(List.of(name.substring("EXTRACT_".length())), Token.NONE), exprs.get(0));
            name = "EXTRACT";
        } else if (name.equals("EXTRACT")) {
            exprs = List.of(exprs.get(1), exprs.get(0));
        } else if ((name.equals("DATE_ADD") || name.equals("DATE_SUB")) && exprs.size() == 3) {
            exprs = List.of(exprs.get(0), new Ast.Call("INTERVAL", List.of(exprs.get(1), exprs.get(2)), false, false, Token.NONE));
        }
        Typed typed;
        try {
            typed = t.functions().expr(new Ast.Call(name, exprs, false, false, Token.NONE));
        } catch (DicombqException e) {
            throw ResolvedTranslator.refuse("Function " + sqlName(call) + " with these arguments (" + Refusals.construct(e.getMessage()) + ")");
        }
        Column expected = ResolvedTranslator.columnOf(call.getType());
        if (typed.type() == null || typed.type().type() != expected.type() || typed.type().mode() != expected.mode()) {
            throw ResolvedTranslator.refuse("Function " + sqlName(call) + " returning " + ZetaTypes.name(call.getType()));
        }
        return typed.sql();
    }

    private static boolean isNullLiteral(ResolvedExpr arg) {
        return arg instanceof ResolvedLiteral && ((ResolvedLiteral) arg).getValue().isNull() && !arg.getType().isArray()
                && !arg.getType().isStruct();
    }

    static String stringLiteral(ResolvedExpr arg) {
        if (arg instanceof ResolvedLiteral && arg.getType().isString() && !((ResolvedLiteral) arg).getValue().isNull()) {
            return ((ResolvedLiteral) arg).getValue().getStringValue();
        }
        return null;
    }

    private static boolean isDatePart(ResolvedExpr arg) {
        return arg instanceof ResolvedLiteral && arg.getType().isEnum();
    }

    static String datePart(ResolvedExpr arg) {
        if (!isDatePart(arg)) {
            throw ResolvedTranslator.refuse("a date part that is not a literal");
        }
        Value value = ((ResolvedLiteral) arg).getValue();
        return value.getEnumName();
    }

    /** A date part as the hand-written parser spells it: {@code DAY}, or {@code WEEK(MONDAY)} for WEEK_MONDAY. */
    private static Ast.Expr datePartAst(ResolvedExpr arg) {
        String part = datePart(arg);
        if (part.startsWith("WEEK_")) {
            return new Ast.Call("WEEK", List.of(new Ast.Path(List.of(part.substring(5)), Token.NONE)), false, false, Token.NONE);
        }
        return new Ast.Path(List.of(part), Token.NONE);
    }

    // ---- aggregates and analytic functions

    /**
     * An aggregate, with {@code over} its OVER clause when it is an analytic function; {@code windowOrder} is that
     * window's ORDER BY, which a windowed ARRAY_AGG or STRING_AGG follows in its result (H2 gathers a frame's values
     * in no set order unless told).
     */
    static String aggregate(ResolvedNonScalarFunctionCallBase call, String over, List<ResolvedOrderByItem> windowOrder,
                            ResolvedTranslator t) {
        String name = call.getFunction().getName().toLowerCase(Locale.ROOT);
        if (ResolvedTranslator.safe(call) && !TOTAL_AGGREGATES.contains(name)) {
            if (name.equals("sum") && (call.getType().isInt64() || call.getType().isNumeric() || call.getType().isDouble())) {
                return safeSum(call, over, t);
            }
            throw ResolvedTranslator.refuse("SAFE." + sqlName(call));
        }
        List<ResolvedExpr> args = call.getArgumentList();
        String distinct = call.getDistinct() ? "DISTINCT " : "";
        List<ResolvedOrderByItem> orderItems = call instanceof ResolvedAggregateFunctionCall
                ? ((ResolvedAggregateFunctionCall) call).getOrderByItemList() : windowOrder;
        ResolvedExpr limit = call instanceof ResolvedAggregateFunctionCall ? ((ResolvedAggregateFunctionCall) call).getLimit() : null;
        boolean ordered = !orderItems.isEmpty();
        if ((ordered || limit != null) && !StatisticalAggregates.ORDERED.contains(name) && windowOrder.isEmpty()) {
            throw ResolvedTranslator.refuse("ORDER BY or LIMIT inside " + sqlName(call));
        }
        if (t.ignoresNulls(call) && !name.equals("array_agg") && !name.equals("approx_quantiles")) {
            throw ResolvedTranslator.refuse("IGNORE NULLS in " + sqlName(call));
        }
        Type type = call.getType();
        if (ZetaTypes.involves(call, Type::isRange)) {
            RangeFunctions.refuseAggregate(name, call);
        }
        String bigNumeric = BigNumericFunctions.involved(call) ? BigNumericFunctions.aggregate(name, call, distinct, over, t)
                : IntervalFunctions.involved(call) ? IntervalFunctions.aggregate(name, call, t) : null;
        if (bigNumeric != null) {
            return bigNumeric;
        }
        switch (name) {
            case "$count_star":
                return "COUNT(*)" + over;
            case "count":
                return "COUNT(" + distinct + t.expr(args.get(0)) + ")" + over;
            case "sum":
                if (type.isInt64()) {
                    // H2 sums BIGINT as NUMERIC; the cast fails on overflow as BigQuery does.
                    return "CAST(SUM(" + distinct + t.expr(args.get(0)) + ")" + over + " AS BIGINT)";
                }
                if (type.isDouble()) {
                    String value = t.expr(args.get(0));
                    return floatSum(value, distinct, over, false);
                }
                if (type.isNumeric()) {
                    return "CAST(SUM(" + distinct + t.expr(args.get(0)) + ")" + over + " AS NUMERIC(38, 9))";
                }
                throw unsupportedTypes(call);
            case "avg":
                if (type.isDouble()) {
                    // INT64 too: the reference averages its values converted to FLOAT64
                    return floatMean("CAST(" + t.expr(args.get(0)) + " AS DOUBLE PRECISION)", distinct, over);
                }
                throw unsupportedTypes(call);
            case "min":
            case "max": {
                String value = t.expr(args.get(0));
                String plain = name.toUpperCase(Locale.ROOT) + "(" + distinct + value + ")" + over;
                if (type.isDouble() && name.equals("min")) {
                    // H2 orders NaN above every number, BigQuery's MIN returns NaN when one is present.
                    return "CASE WHEN COUNT(CASE WHEN " + StrictFunctions.call("is_nan", value) + " THEN 1 END)" + over
                            + " > 0 THEN CAST('NaN' AS DOUBLE PRECISION) ELSE " + plain + " END";
                }
                if (type.isArray() || type.isStruct()) {
                    throw unsupportedTypes(call);
                }
                return plain;
            }
            case "logical_and":
                return "BOOL_AND(" + t.expr(args.get(0)) + ")" + over;
            case "logical_or":
                return "BOOL_OR(" + t.expr(args.get(0)) + ")" + over;
            case "any_value": {
                // H2's ANY_VALUE picks a row at random. The first non-NULL value: BigQuery's documented example answers
                // the first row, and rows whose value is NULL are not chosen (BigQuery docs: ANY_VALUE).
                String value = t.expr(args.get(0));
                return "(ARRAY_AGG(" + value + ") FILTER (WHERE " + isNull(value, args.get(0).getType(), false) + ")" + over + ")[1]";
            }
            case "array_agg":
                return arrayAgg(call, orderItems, limit, over, t);
            case "string_agg": {
                if (!type.isString() || limit != null || call.getDistinct() && !ordered) {
                    // BYTES, LIMIT, and DISTINCT values in their first places (LISTAGG would sort them)
                    return StatisticalAggregates.stringAgg(call, orderItems, limit, over, t);
                }
                String delimiter = args.size() > 1 ? t.expr(args.get(1)) : "','";
                String within = ordered ? " WITHIN GROUP (" + t.orderByItems(orderItems).trim() + ")" : "";
                return "LISTAGG(" + distinct + t.expr(args.get(0)) + ", " + delimiter + ")" + within + over;
            }
            default:
                String statistical = StatisticalAggregates.render(name, call, over, t);
                if (statistical != null) {
                    return statistical;
                }
                throw ResolvedTranslator.refuse("Aggregate function " + sqlName(call));
        }
    }

    /**
     * SAFE.SUM: NULL where the sum overflows its type. H2 sums INT64 and NUMERIC exactly (as NUMERIC); FLOAT64 takes
     * SUM's own rule with NULL for its error ({@link StrictFunctions#checkedSum}).
     */
    private static String safeSum(ResolvedNonScalarFunctionCallBase call, String over, ResolvedTranslator t) {
        String value = t.expr(call.getArgumentList().get(0));
        String distinct = call.getDistinct() ? "DISTINCT " : "";
        if (call.getType().isDouble()) {
            return floatSum(value, distinct, over, true);
        }
        String sum = "SUM(" + distinct + value + ")" + over;
        boolean int64 = call.getType().isInt64();
        String inRange = int64 ? sum + " BETWEEN " + Long.MIN_VALUE + " AND " + Long.MAX_VALUE
                : "ABS(" + sum + ") <= CAST('99999999999999999999999999999.999999999' AS NUMERIC(38, 9))";
        return "CASE WHEN " + inRange + " THEN CAST(" + sum + " AS " + (int64 ? "BIGINT" : "NUMERIC(38, 9)") + ") END";
    }

    /**
     * SUM over FLOAT64 (SAFE.SUM with {@code safe}): the exact sum of the values' exact binary values, rounded once,
     * with its overflow rule ({@link StrictFunctions#checkedSum}).
     */
    static String floatSum(String value, String distinct, String over, boolean safe) {
        return StrictFunctions.call("fsum", "SUM(" + distinct + exactFloat(value) + ")" + over,
                "MAX(ABS(" + value + "))" + over, safe ? "TRUE" : "FALSE");
    }

    /** AVG over FLOAT64 ({@code value} a DOUBLE PRECISION): the exact sum over the count, rounded once ({@link StrictFunctions#mean}). */
    static String floatMean(String value, String distinct, String over) {
        return StrictFunctions.call("favg", "SUM(" + distinct + exactFloat(value) + ")" + over,
                "COUNT(" + distinct + value + ")" + over);
    }

    /** A FLOAT64 as the exact DECFLOAT of its binary value, for a sum that rounds once ({@link StrictFunctions#exactValue}). */
    private static String exactFloat(String value) {
        return "CAST(" + StrictFunctions.call("fexact", value) + " AS DECFLOAT)";
    }

    /**
     * ARRAY_CONCAT and {@code ||} on arrays, typed: H2 does not type an array {@code ||}, so UNNEST of one gives values
     * its aggregates read as NULL or refuse (ARRAY_AGG of [1] || [2] is [NULL, NULL]).
     */
    private static String arrayConcat(List<ResolvedExpr> args, Type type, ResolvedTranslator t) {
        return "CAST((" + joinedArgs(" || ", args, t) + ") AS " + ResolvedTranslator.h2Type(type) + ")";
    }

    /** Whether a value is (not) NULL in BigQuery's sense: a STRUCT itself, not its fields ({@link Translator#nullTest}). */
    static String isNull(String sql, Type type, boolean isNull) {
        return sql + Translator.nullTest(type.isStruct(), !isNull);
    }

    /** ARRAY_AGG: IGNORE NULLS drops NULL elements; no rows give NULL, as in H2 (BigQuery docs: ARRAY_AGG). */
    private static String arrayAgg(ResolvedNonScalarFunctionCallBase call, List<ResolvedOrderByItem> orderItems,
                                   ResolvedExpr limitExpr, String over, ResolvedTranslator t) {
        String value = t.expr(call.getArgumentList().get(0));
        String order = orderItems.isEmpty() ? "" : t.orderByItems(orderItems);
        boolean ignoreNulls = t.ignoresNulls(call);
        String filter = ignoreNulls ? " FILTER (WHERE " + isNull(value, call.getArgumentList().get(0).getType(), false) + ")" : "";
        String agg = gathered(value, call.getDistinct(), order, filter, over, ResolvedTranslator.h2Type(call.getType()));
        if (limitExpr != null) {
            String limit = t.expr(limitExpr);
            agg = "TRIM_ARRAY(" + agg + ", GREATEST(CARDINALITY(" + agg + ") - " + limit + ", 0))";
        }
        // A NULL element is an error only in a query's final result (checked there), not inside the query.
        return "CAST(" + agg + " AS " + ResolvedTranslator.h2Type(call.getType()) + ")";
    }

    /**
     * The values an aggregate gathers, {@code ARRAY_AGG(value order) filter over} of H2 type {@code arrayType}: with
     * DISTINCT and no ORDER BY each value at its first place, as ZetaSQL's reference and BigQuery's documented
     * examples give them (H2 would sort them).
     */
    static String gathered(String value, boolean distinct, String order, String filter, String over, String arrayType) {
        if (distinct && order.isEmpty()) {
            return "CAST(" + call("array_first_occurrences", "ARRAY_AGG(" + value + ")" + filter + over) + " AS " + arrayType + ")";
        }
        return "ARRAY_AGG(" + (distinct ? "DISTINCT " : "") + value + order + ")" + filter + over;
    }

    static String analytic(ResolvedAnalyticFunctionCall call, String over, List<ResolvedOrderByItem> windowOrder,
                           ResolvedTranslator t) {
        String name = call.getFunction().getName().toLowerCase(Locale.ROOT);
        List<ResolvedExpr> args = call.getArgumentList();
        String nulls = t.ignoresNulls(call) ? " IGNORE NULLS" : "";
        switch (name) {
            case "row_number":
            case "rank":
            case "dense_rank":
                return "CAST(" + name.toUpperCase(Locale.ROOT) + "()" + over + " AS BIGINT)";
            case "percent_rank":
            case "cume_dist":
                return name.toUpperCase(Locale.ROOT) + "()" + over;
            case "ntile":
                return "CAST(NTILE(" + t.expr(args.get(0)) + ")" + over + " AS BIGINT)";
            case "lag":
            case "lead":
                if (args.size() > 1 && args.get(1) instanceof ResolvedLiteral && !((ResolvedLiteral) args.get(1)).getValue().isNull()
                        && ((ResolvedLiteral) args.get(1)).getValue().getInt64Value() < 0) {
                    // H2 fails in its own words; BigQuery's offset must not be negative, SAFE. or not.
                    throw new DicombqException(Code.INVALID_ARGUMENT, "The offset to "
                            + sqlName(call) + " must be non-negative, but was " + ((ResolvedLiteral) args.get(1)).getValue().getInt64Value());
                }
                return name.toUpperCase(Locale.ROOT) + "(" + list(args, t) + ")" + nulls + over;
            case "first_value":
            case "last_value":
                return name.toUpperCase(Locale.ROOT) + "(" + t.expr(args.get(0)) + ")" + nulls + over;
            case "any_value":
                // Some non-NULL value of the frame (BigQuery docs: ANY_VALUE); the first in the window's order, as
                // BigQuery's example answers.
                return "FIRST_VALUE(" + t.expr(args.get(0)) + ") IGNORE NULLS" + over;
            case "nth_value":
                return "NTH_VALUE(" + t.expr(args.get(0)) + ", " + t.expr(args.get(1)) + ")" + nulls + over;
            case "percentile_cont":
            case "percentile_disc":
                return StatisticalAggregates.render(name, call, over, t);
            default:
                if (call.getDistinct() && (name.equals("array_agg") || name.equals("string_agg"))) {
                    // The order of the distinct values is BigQuery's to choose; H2 sorts them.
                    throw ResolvedTranslator.refuse("DISTINCT in analytic " + sqlName(call));
                }
                return aggregateOver(call, over, windowOrder, t);
        }
    }

    /** An aggregate used as an analytic function: the same rendering, with its OVER clause. */
    private static String aggregateOver(ResolvedAnalyticFunctionCall call, String over, List<ResolvedOrderByItem> windowOrder,
                                        ResolvedTranslator t) {
        String name = call.getFunction().getName().toLowerCase(Locale.ROOT);
        if (!WINDOWED.contains(name) && !StatisticalAggregates.WINDOWED.contains(name)) {
            throw ResolvedTranslator.refuse("Function " + sqlName(call));
        }
        return aggregate(call, over, windowOrder, t);
    }

    // ---- helpers

    private static String list(List<ResolvedExpr> args, ResolvedTranslator t) {
        List<String> sql = new ArrayList<>();
        for (ResolvedExpr arg : args) {
            sql.add(t.expr(arg));
        }
        return String.join(", ", sql);
    }

    private static String joined(String operator, List<ResolvedExpr> args, ResolvedTranslator t) {
        return "(" + joinedArgs(operator, args, t) + ")";
    }

    private static String joinedArgs(String operator, List<ResolvedExpr> args, ResolvedTranslator t) {
        List<String> sql = new ArrayList<>();
        for (ResolvedExpr arg : args) {
            sql.add(t.expr(arg));
        }
        return String.join(operator, sql);
    }

    private static void requireScalar(ResolvedFunctionCallBase call, List<ResolvedExpr> args) {
        for (ResolvedExpr arg : args) {
            if (arg.getType().isArray() || arg.getType().isStruct() || arg.getType().isJson()) {
                throw unsupportedTypes(call);
            }
        }
    }

    /**
     * Scalars, or arrays of scalars other than FLOAT64 (H2 compares arrays element by element, NULLs alike, as
     * ZetaSQL does; its -0.0 and NaN rules for FLOAT64 elements are not BigQuery's).
     */
    private static void requireScalarOrPlainArray(ResolvedFunctionCallBase call, List<ResolvedExpr> args) {
        for (ResolvedExpr arg : args) {
            com.google.zetasql.Type type = arg.getType();
            if (type.isArray()) {
                com.google.zetasql.Type element = ((com.google.zetasql.ArrayType) type).getElementType();
                if (element.isArray() || element.isStruct() || element.isJson() || element.isDouble() || element.isFloat()) {
                    throw unsupportedTypes(call);
                }
            } else if (type.isStruct() || type.isJson()) {
                throw unsupportedTypes(call);
            }
        }
    }

    private static void requireString(ResolvedFunctionCallBase call, ResolvedExpr arg) {
        if (!arg.getType().isString()) {
            throw unsupportedTypes(call);
        }
    }

    static DicombqException unsupportedTypes(ResolvedFunctionCallBase call) {
        List<String> types = new ArrayList<>();
        for (ResolvedExpr arg : call.getArgumentList()) {
            types.add(ZetaTypes.name(arg.getType()));
        }
        return ResolvedTranslator.refuse(sqlName(call) + " on " + String.join(", ", types));
    }

    static String sqlName(ResolvedFunctionCallBase call) {
        String sql = call.getFunction().getSqlName();
        return sql == null || sql.isEmpty() ? call.getFunction().getName().toUpperCase(Locale.ROOT) : sql;
    }
    /**
     * {@code array[OFFSET(i)]} ({@code base} 0) or {@code array[ORDINAL(i)]} (1): the position is checked by
     * {@link ArrayRuntime#position} so that one out of range fails in BigQuery's words, not H2's.
     */
    static String checkedSubscript(String array, String index, int base) {
        return "(" + array + ")[" + call("array_position", index, "CARDINALITY(" + array + ")",
                String.valueOf(base)) + "]";
    }

}
