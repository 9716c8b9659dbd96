package io.dicombq.adapter.out.sql;

import com.google.zetasql.IntervalValue;
import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedNonScalarFunctionCallBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * INTERVAL values in a query (BigQuery docs: interval type, interval functions, operators). A value travels through
 * H2 as its canonical text and is made and taken apart only by {@link IntervalRuntime}: INTERVAL literals and
 * {@code INTERVAL n part}, MAKE_INTERVAL, the JUSTIFY_ functions, date, datetime, time and timestamp differences,
 * {@code + - *} between intervals (and INT64), a DATE, DATETIME or TIMESTAMP plus or minus an interval, EXTRACT, CAST
 * to STRING. Calls that only choose or carry a value run as
 * for any type. Comparing, grouping, ordering or DISTINCT over INTERVAL is refused by name: BigQuery compares
 * intervals by their length (1 month equals 30 days) while their texts differ, and which text a group shows is
 * BigQuery's choice. Every other function of an INTERVAL is refused by name too.
 */
final class IntervalFunctions {
    /** Calls that choose or carry a value without comparing it. */
    private static final Set<String> CARRIED = Set.of("$is_null", "if", "ifnull", "coalesce", "$case_no_value",
            "$make_array", "array_length", "$array_at_offset", "$array_at_ordinal", "$safe_array_at_offset",
            "$safe_array_at_ordinal");
    /** Functions that read an INTERVAL literal or {@code INTERVAL n part} themselves as the query is rendered ({@link Buckets}). */
    private static final Set<String> READ_BY_SHAPE = Set.of("date_bucket", "datetime_bucket", "timestamp_bucket");

    private IntervalFunctions() {
    }

    /** Whether the call takes or gives a INTERVAL (also in an array or a struct), so that only this class decides how it runs. */
    static boolean involved(ResolvedFunctionCallBase call) {
        return ZetaTypes.involves(call, Type::isInterval);
    }

    /** An INTERVAL literal's canonical text; a fraction finer than microseconds is refused by name. */
    static String text(IntervalValue value) {
        if (value.nanoFractions() != 0) {
            throw ResolvedTranslator.refuse("INTERVAL values with nanoseconds");
        }
        return new IntervalRuntime.Interval(value.months(), value.days(), value.micros()).text();
    }

    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        if (READ_BY_SHAPE.contains(name)) {
            return ResolvedFunctions.renderPlain(call, name, t);
        }
        if (!ResolvedTranslator.safe(call)) {
            String sql = computed(name, call.getType(), args, t);
            if (sql != null) {
                return sql;
            }
            if (CARRIED.contains(name)) {
                return ResolvedFunctions.renderPlain(call, name, t);
            }
        }
        throw ResolvedTranslator.refuse((ResolvedTranslator.safe(call) ? "SAFE." : "") + ResolvedFunctions.sqlName(call)
                + " with INTERVAL values");
    }

    /** The SQL of a call {@link IntervalRuntime} computes, or {@code null}. */
    private static String computed(String name, Type result, List<ResolvedExpr> args, ResolvedTranslator t) {
        Type first = args.isEmpty() ? null : args.get(0).getType();
        Type second = args.size() < 2 ? null : args.get(1).getType();
        switch (name) {
            case "$interval":
                return call("interval_of_part", t.expr(args.get(0)), part(args.get(1)));
            case "make_interval": {
                List<String> parts = new ArrayList<>();
                for (ResolvedExpr arg : args) {
                    parts.add(t.expr(arg));
                }
                while (parts.size() < 6) {
                    parts.add("CAST(0 AS BIGINT)");
                }
                return call("interval_make", parts.toArray(new String[0]));
            }
            case "justify_days":
            case "justify_hours":
            case "justify_interval":
                return call("interval_justify", t.expr(args.get(0)), "'" + name.substring("justify_".length()).toUpperCase(java.util.Locale.ROOT) + "'");
            case "$extract":
                return first.isInterval() ? "CAST(" + call("interval_extract", t.expr(args.get(0)), part(args.get(1))) + " AS BIGINT)" : null;
            case "$unary_minus":
                return call("interval_negate", t.expr(args.get(0)));
            case "$add":
            case "$subtract":
                if (first.isInterval() && second.isInterval()) {
                    return call("interval_add", t.expr(args.get(0)), t.expr(args.get(1)), name.equals("$add") ? "CAST(1 AS BIGINT)" : "CAST(-1 AS BIGINT)");
                }
                if (second.isInterval() && !first.isInterval()) {
                    return moved(result, args.get(0), args.get(1), name.equals("$add") ? 1 : -1, t);
                }
                if (first.isInterval() && !second.isInterval() && name.equals("$add")) {
                    return moved(result, args.get(1), args.get(0), 1, t);
                }
                if (name.equals("$subtract") && first.equivalent(second)) {
                    String between = first.isDate() ? "interval_between_dates" : first.isDatetime() ? "interval_between_datetimes"
                            : first.isTimestamp() ? "interval_between_timestamps" : first.isTime() ? "interval_between_times" : null;
                    return between == null ? null : call(between, t.expr(args.get(0)), t.expr(args.get(1)));
                }
                return null;
            case "$multiply":
                if (first.isInterval() && second.isInt64()) {
                    return call("interval_multiply", t.expr(args.get(0)), t.expr(args.get(1)));
                }
                if (first.isInt64() && second.isInterval()) {
                    return call("interval_multiply", t.expr(args.get(1)), t.expr(args.get(0)));
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * A DATE, DATETIME or TIMESTAMP moved by an interval ({@code sign} -1 subtracts it): a DATE moves as its midnight
     * and gives a DATETIME (BigQuery docs: date arithmetics operators); {@link IntervalRuntime} takes the steps.
     */
    private static String moved(Type result, ResolvedExpr moment, ResolvedExpr interval, int sign, ResolvedTranslator t) {
        String h2 = ResolvedTranslator.h2Type(result);
        String function = result.isTimestamp() ? "interval_add_to_timestamp" : "interval_add_to_datetime";
        String start = moment.getType().isDate() ? "CAST(" + t.expr(moment) + " AS " + h2 + ")" : t.expr(moment);
        return "CAST(" + ResolvedFunctions.call(function, start, t.expr(interval), "CAST(" + sign + " AS BIGINT)") + " AS " + h2 + ")";
    }

    private static String call(String function, String... args) {
        return "CAST(" + ResolvedFunctions.call(function, args) + " AS CHARACTER VARYING)";
    }

    private static String part(ResolvedExpr arg) {
        return "'" + ResolvedFunctions.datePart(arg) + "'";
    }

    /** An aggregate over INTERVAL values: COUNT only (every other one orders, compares or adds them). */
    static String aggregate(String name, ResolvedNonScalarFunctionCallBase call, ResolvedTranslator t) {
        if (name.equals("count") && !call.getDistinct()) {
            return null;
        }
        throw ResolvedTranslator.refuse("Aggregate function " + ResolvedFunctions.sqlName(call) + " with INTERVAL values");
    }
}
