package io.dicombq.adapter.out.sql;

import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNonScalarFunctionCallBaseEnums.NullHandlingModifier;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedNonScalarFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOrderByItem;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Statistical and bitwise aggregates, COUNTIF(DISTINCT), APPROX_COUNT_DISTINCT, STRING_AGG with LIMIT,
 * ARRAY_CONCAT_AGG and the percentiles (BigQuery docs: aggregate, statistical aggregate and navigation functions),
 * also as analytic functions. Exact answers only: what H2 computes differently goes through {@link AggregateRuntime}.
 */
final class StatisticalAggregates {
    /** Aggregates that also run with OVER (…), rendered by {@link #render}. */
    static final Set<String> WINDOWED = Set.of("stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
            "corr", "covar_pop", "covar_samp", "bit_and", "bit_or", "bit_xor", "approx_count_distinct");
    /** Aggregates that take ORDER BY or LIMIT inside their parentheses. */
    static final Set<String> ORDERED = Set.of("array_agg", "string_agg", "array_concat_agg");
    /**
     * BigQuery's APPROX_COUNT_DISTINCT is HyperLogLog++, whose sparse form (2^20 buckets, linear counting) rounds to
     * the exact count for a few distinct values; past this many a hash collision could make its answer differ.
     */
    static final long EXACT_APPROX_COUNT = 32;

    private StatisticalAggregates() {
    }

    /** The H2 SQL of aggregate {@code name} with its {@code over} clause, or {@code null} when it is none of these. */
    static String render(String name, ResolvedNonScalarFunctionCallBase call, String over, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        String distinct = call.getDistinct() ? "DISTINCT " : "";
        switch (name) {
            case "stddev":
            case "stddev_samp":
            case "stddev_pop":
            case "variance":
            case "var_samp":
            case "var_pop":
                return variance(name, call, over, t);
            case "corr":
            case "covar_pop":
            case "covar_samp":
                return covariance(name, call, over, t);
            case "bit_and":
            case "bit_or":
            case "bit_xor":
                if (!call.getType().isInt64()) {
                    throw ResolvedFunctions.unsupportedTypes(call);
                }
                return "CAST(" + name.toUpperCase(Locale.ROOT) + "_AGG(" + distinct + t.expr(args.get(0)) + ")" + over + " AS BIGINT)";
            case "countif":
                // COUNTIF(DISTINCT b) counts the distinct TRUE values: 0 or 1.
                return "COUNT(" + distinct + "CASE WHEN " + t.expr(args.get(0)) + " THEN TRUE END)" + over;
            case "approx_count_distinct":
                return ResolvedFunctions.call("exact_approx_count", "COUNT(DISTINCT " + t.expr(args.get(0)) + ")" + over,
                        Long.toString(EXACT_APPROX_COUNT));
            case "approx_quantiles":
            case "approx_top_count":
            case "approx_top_sum":
                return approximate(name, call, over, t);
            case "percentile_cont":
            case "percentile_disc":
                return percentile(name, call, over, t);
            case "array_concat_agg":
                return arrayConcatAgg(call, over, t);
            default:
                return null;
        }
    }

    /** The variances and standard deviations, over the non-NULL values gathered (see {@link AggregateRuntime}). */
    private static String variance(String name, ResolvedNonScalarFunctionCallBase call, String over, ResolvedTranslator t) {
        String kind = name.equals("stddev") ? "stddev_samp" : name.equals("variance") ? "var_samp" : name;
        ResolvedExpr arg = call.getArgumentList().get(0);
        boolean numeric = arg.getType().isNumeric();
        String value = numeric ? t.expr(arg) : float64(arg, t);
        String values = "ARRAY_AGG(" + (call.getDistinct() ? "DISTINCT " : "") + value + ") FILTER (WHERE " + value
                + " IS NOT NULL)" + over;
        return ResolvedFunctions.call(numeric ? "variance_numeric" : "variance_float", values,
                "'" + kind.replace("var_", "") + "'");
    }

    /** COVAR_POP, COVAR_SAMP, CORR over the pairs with no NULL, gathered as two arrays in the same row order. */
    private static String covariance(String name, ResolvedNonScalarFunctionCallBase call, String over, ResolvedTranslator t) {
        ResolvedExpr first = call.getArgumentList().get(0);
        ResolvedExpr second = call.getArgumentList().get(1);
        boolean numeric = first.getType().isNumeric() && second.getType().isNumeric();
        String x = numeric ? t.expr(first) : float64(first, t);
        String y = numeric ? t.expr(second) : float64(second, t);
        String filter = " FILTER (WHERE " + x + " IS NOT NULL AND " + y + " IS NOT NULL)" + over;
        return ResolvedFunctions.call(numeric ? "covariance_numeric" : "covariance_float", "ARRAY_AGG(" + x + ")" + filter,
                "ARRAY_AGG(" + y + ")" + filter, "'" + name.replace("covar_", "") + "'");
    }

    /**
     * APPROX_QUANTILES (NULLs dropped unless respected), APPROX_TOP_COUNT and APPROX_TOP_SUM (NULLs kept) over the
     * values gathered, answered exactly where that is provably BigQuery's answer ({@link ApproximateRuntime}).
     */
    private static String approximate(String name, ResolvedNonScalarFunctionCallBase call, String over, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        String value = t.expr(args.get(0));
        String number = t.expr(args.get(args.size() - 1));
        String sql;
        if (name.equals("approx_quantiles")) {
            boolean respect = call.getNullHandlingModifier() == NullHandlingModifier.RESPECT_NULLS;
            String values = "ARRAY_AGG(" + (call.getDistinct() ? "DISTINCT " : "") + value + ")"
                    + (respect ? "" : " FILTER (WHERE " + value + " IS NOT NULL)") + over;
            sql = ResolvedFunctions.call(name, values, number);
        } else if (name.equals("approx_top_count")) {
            sql = ResolvedFunctions.call(name, "ARRAY_AGG(" + value + ")" + over, number);
        } else {
            sql = ResolvedFunctions.call(name, "ARRAY_AGG(" + value + ")" + over, "ARRAY_AGG(" + t.expr(args.get(1)) + ")" + over, number);
        }
        return "CAST(" + sql + " AS " + ResolvedTranslator.h2Type(call.getType()) + ")";
    }

    /**
     * STRING_AGG over BYTES, or with LIMIT n: the first n non-NULL values (all without LIMIT), in the ORDER BY's
     * order when given (the window's, over a window), joined; NULL without values. BYTES values in an order BigQuery
     * leaves open (DISTINCT without ORDER BY, which H2 would sort) are refused.
     */
    static String stringAgg(ResolvedNonScalarFunctionCallBase call, List<ResolvedOrderByItem> order, ResolvedExpr limit,
                            String over, ResolvedTranslator t) {
        boolean bytes = call.getType().isBytes();
        if (!call.getType().isString() && !bytes) {
            throw ResolvedFunctions.unsupportedTypes(call);
        }
        if (bytes && call.getDistinct() && order.isEmpty()) {
            throw ResolvedTranslator.refuse("STRING_AGG(DISTINCT …) of BYTES without ORDER BY");
        }
        String value = t.expr(call.getArgumentList().get(0));
        String delimiter = call.getArgumentList().size() > 1 ? t.expr(call.getArgumentList().get(1)) : bytes ? "X'2C'" : "','";
        String values = limited(ResolvedFunctions.gathered(value, call.getDistinct(), order(order, t),
                " FILTER (WHERE " + value + " IS NOT NULL)", over, ResolvedTranslator.h2Type(call.getType()) + " ARRAY"), limit, t);
        return bytes ? ResolvedFunctions.call("array_to_bytes", values, delimiter, "CAST(NULL AS BINARY VARYING)", "FALSE")
                : BigQueryFunctions.call("array_to_string", values, delimiter, "NULL", "FALSE");
    }

    /**
     * ARRAY_CONCAT_AGG(a [ORDER BY …] [LIMIT n]): the arrays concatenated; NULL arrays are skipped, LIMIT counts
     * arrays, no arrays (or only NULL ones) give NULL (BigQuery docs: ARRAY_CONCAT_AGG).
     */
    private static String arrayConcatAgg(ResolvedNonScalarFunctionCallBase call, String over, ResolvedTranslator t) {
        ResolvedAggregateFunctionCall aggregate = (ResolvedAggregateFunctionCall) call;
        Type type = call.getType();
        if (((com.google.zetasql.ArrayType) type).getElementType().isStruct()) {
            throw ResolvedFunctions.unsupportedTypes(call);
        }
        String value = t.expr(call.getArgumentList().get(0));
        String arrays = limited("ARRAY_AGG(" + value + order(aggregate.getOrderByItemList(), t) + ") FILTER (WHERE " + value
                + " IS NOT NULL)" + over, aggregate.getLimit(), t);
        return "CAST(" + ResolvedFunctions.call("concat_arrays", arrays) + " AS " + ResolvedTranslator.h2Type(type) + ")";
    }

    /**
     * PERCENTILE_CONT and PERCENTILE_DISC OVER (PARTITION BY …): the partition's values gathered, then sorted as
     * BigQuery orders them (NULL, NaN, then numbers); NULLs count only with RESPECT NULLS.
     */
    private static String percentile(String name, ResolvedNonScalarFunctionCallBase call, String over, ResolvedTranslator t) {
        Type type = call.getType();
        boolean continuous = name.equals("percentile_cont");
        boolean decimalFraction = call.getArgumentList().get(1).getType().isNumeric();
        if (!(type.isDouble() || type.isNumeric() || (!continuous && (type.isInt64() || type.isString())))
                || (decimalFraction && !(continuous && type.isNumeric()))) {
            throw ResolvedFunctions.unsupportedTypes(call);
        }
        String respect = call.getNullHandlingModifier()
                == NullHandlingModifier.RESPECT_NULLS
                ? "TRUE" : "FALSE";
        String values = "ARRAY_AGG(" + t.expr(call.getArgumentList().get(0)) + ")" + over;
        String fraction = float64(call.getArgumentList().get(1), t);
        if (continuous && type.isNumeric()) {
            return "CAST(" + ResolvedFunctions.call("interpolated_percentile_numeric", values, t.expr(call.getArgumentList().get(1)),
                    respect) + " AS NUMERIC(38, 9))";
        }
        if (continuous) {
            return ResolvedFunctions.call("interpolated_percentile", values, fraction, respect);
        }
        String function = type.isDouble() ? "discrete_percentile_float" : type.isInt64() ? "discrete_percentile_int64"
                : type.isString() ? "discrete_percentile_string" : "discrete_percentile_numeric";
        return "CAST(" + ResolvedFunctions.call(function, values, fraction, respect) + " AS " + ResolvedTranslator.h2Type(type) + ")";
    }

    /** The first {@code limit} elements of {@code array} (all of them without a limit). */
    private static String limited(String array, ResolvedExpr limit, ResolvedTranslator t) {
        if (limit == null) {
            return array;
        }
        return "TRIM_ARRAY(" + array + ", GREATEST(CARDINALITY(" + array + ") - " + t.expr(limit) + ", 0))";
    }

    private static String order(List<ResolvedOrderByItem> items, ResolvedTranslator t) {
        return items.isEmpty() ? "" : t.orderByItems(items);
    }

    private static String float64(ResolvedExpr arg, ResolvedTranslator t) {
        return "CAST(" + t.expr(arg) + " AS DOUBLE PRECISION)";
    }
}
