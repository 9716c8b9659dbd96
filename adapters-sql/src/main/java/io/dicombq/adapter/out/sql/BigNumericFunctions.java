package io.dicombq.adapter.out.sql;

import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCast;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedNonScalarFunctionCallBase;

import java.util.List;
import java.util.Set;

/**
 * Where BIGNUMERIC values meet functions. Arithmetic, ABS, SUM, AVG and the casts go through
 * {@link BigNumericRuntime} (BigQuery's range and rounding); calls that only compare, choose or carry values are
 * rendered as for any other type; every other function of a BIGNUMERIC value is refused by name, so none of them
 * can answer with H2's NUMERIC semantics.
 */
final class BigNumericFunctions {
    /** Scalar calls that compare, choose or carry their arguments without computing with them. */
    private static final Set<String> CARRIED = Set.of("$equal", "$not_equal", "$less", "$less_or_equal", "$greater",
            "$greater_or_equal", "$between", "$in", "$is_null", "$is_distinct_from", "$is_not_distinct_from",
            "$case_no_value", "$case_with_value", "if", "ifnull", "coalesce", "nullif", "$make_array", "array_length",
            "$array_at_offset", "$array_at_ordinal", "$safe_array_at_offset", "$safe_array_at_ordinal", "$subscript");
    /** Aggregates that count or pick values. */
    private static final Set<String> PICKED = Set.of("$count_star", "count", "min", "max", "any_value", "array_agg");
    private static final String H2 = "NUMERIC(77, 38)";

    private BigNumericFunctions() {
    }

    /** Whether the call takes or gives a BIGNUMERIC (also in an array or a struct), so that only this class decides how it runs. */
    static boolean involved(ResolvedFunctionCallBase call) {
        return ZetaTypes.involves(call, Type::isBigNumeric);
    }

    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        boolean safe = ResolvedTranslator.safe(call) || name.startsWith("safe_");
        String flag = safe ? "TRUE" : "FALSE";
        boolean scalarArithmetic = call.getType().isBigNumeric() && args.stream().allMatch(a -> a.getType().isBigNumeric());
        switch (scalarArithmetic ? name.replace("safe_", "$") : "") {
            case "$add":
                return typed(StrictFunctions.call("bignumeric_add", t.expr(args.get(0)), t.expr(args.get(1)), flag));
            case "$subtract":
                return typed(StrictFunctions.call("bignumeric_subtract", t.expr(args.get(0)), t.expr(args.get(1)), flag));
            case "$multiply":
                return typed(StrictFunctions.call("bignumeric_multiply", t.expr(args.get(0)), t.expr(args.get(1)), flag));
            case "$divide":
                return typed(StrictFunctions.call("bignumeric_divide", t.expr(args.get(0)), t.expr(args.get(1)), flag));
            case "$unary_minus":
            case "$negate":
                return typed(StrictFunctions.call("bignumeric_negate", t.expr(args.get(0)), flag));
            case "abs":
                return typed(StrictFunctions.call("bignumeric_abs", t.expr(args.get(0)), flag));
            default:
                break;
        }
        if (name.equals("parse_bignumeric") && args.get(0).getType().isString()) {
            return typed(StrictFunctions.call("parse_bignumeric", t.expr(args.get(0))));
        }
        if (name.equals("pi_bignumeric")) {
            // pi rounded half away from zero to 38 digits after the point (BigQuery docs: PI_BIGNUMERIC)
            return typed("'3.14159265358979323846264338327950288420'");
        }
        if (CARRIED.contains(name) && !ResolvedTranslator.safe(call)) {
            return ResolvedFunctions.renderPlain(call, name, t);
        }
        throw ResolvedTranslator.refuse(ResolvedFunctions.sqlName(call) + " with BIGNUMERIC values");
    }

    /**
     * An aggregate or analytic aggregate that takes or gives a BIGNUMERIC: its SQL, or {@code null} for one that only
     * counts or picks values, which renders as for any other type.
     */
    static String aggregate(String name, ResolvedNonScalarFunctionCallBase call, String distinct, String over, ResolvedTranslator t) {
        if (call.getType().isBigNumeric() && call.getArgumentList().size() == 1) {
            String value = t.expr(call.getArgumentList().get(0));
            switch (name) {
                case "sum":
                    return typed(StrictFunctions.call("bignumeric_checked", "SUM(" + distinct + value + ")" + over));
                case "avg":
                    // the exact mean rounded half away from zero; NULL over no rows (the count is 0)
                    return typed(StrictFunctions.call("bignumeric_divide", "SUM(" + distinct + value + ")" + over,
                            "CAST(COUNT(" + distinct + value + ")" + over + " AS " + H2 + ")", "TRUE"));
                default:
                    break;
            }
        }
        if (PICKED.contains(name)) {
            return null;
        }
        throw ResolvedTranslator.refuse("Aggregate function " + ResolvedFunctions.sqlName(call) + " with BIGNUMERIC values");
    }

    /** CAST to or from BIGNUMERIC, or {@code null} when neither side is BIGNUMERIC. */
    static String cast(ResolvedCast cast, String value) {
        Type from = cast.getExpr().getType();
        Type to = cast.getType();
        if (!from.isBigNumeric() && !to.isBigNumeric()) {
            return null;
        }
        String flag = cast.getReturnNullOnError() ? "TRUE" : "FALSE";
        if (to.isBigNumeric()) {
            if (from.isInt64() || from.isNumeric()) {
                return "CAST(" + value + " AS " + H2 + ")";
            }
            if (from.isString()) {
                return typed(StrictFunctions.call("bignumeric_of_string", value, flag));
            }
            if (from.isDouble()) {
                return typed(StrictFunctions.call("bignumeric_of_double", value, flag));
            }
        } else if (to.isString()) {
            return StrictFunctions.call("bignumeric_to_string", value);
        } else if (to.isNumeric()) {
            return "CAST(" + StrictFunctions.call("bignumeric_to_numeric", value, flag) + " AS NUMERIC(38, 9))";
        } else if (to.isInt64()) {
            return "CAST(" + StrictFunctions.call("bignumeric_to_int64", value, flag) + " AS BIGINT)";
        } else if (to.isDouble()) {
            return "CAST(" + StrictFunctions.call("bignumeric_to_double", value) + " AS DOUBLE PRECISION)";
        }
        throw ResolvedTranslator.refuse("CAST from " + ZetaTypes.name(from) + " to " + ZetaTypes.name(to));
    }

    private static String typed(String sql) {
        return "CAST(" + sql + " AS " + H2 + ")";
    }
}
