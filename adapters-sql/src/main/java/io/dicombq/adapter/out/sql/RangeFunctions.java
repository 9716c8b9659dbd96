package io.dicombq.adapter.out.sql;

import com.google.zetasql.RangeType;
import com.google.zetasql.Type;
import com.google.zetasql.Value;
import com.google.zetasql.ZetaSQLValue.ValueProto;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedNonScalarFunctionCallBase;
import io.dicombq.application.query.BigQueryText;
import io.dicombq.domain.schema.ColumnType;

import java.util.List;
import java.util.Locale;

/**
 * RANGE values inside a query (BigQuery docs: range functions): {@code RANGE(start, end)}, RANGE literals and
 * {@code RANGE_INTERSECT} are taken apart into their bounds while the query is rendered, so {@code RANGE_START},
 * {@code RANGE_END}, {@code RANGE_CONTAINS}, {@code RANGE_OVERLAPS}, equality and {@code IS NULL} compare the bounds
 * (NULL: unbounded). A RANGE that leaves those functions (a result column, a subquery's column, an array element) is
 * its canonical text {@code [start, end)} (BigQuery's REST API and CAST(… AS STRING) write it so), which nothing
 * reads back: a RANGE function of such a column, comparing, ordering and grouping them, and any other function of a
 * RANGE are refused by name, as is a RANGE table column.
 */
final class RangeFunctions {
    /** ZetaSQL's error for a RANGE whose start is not before its end (reference implementation's words). */
    static final String START_AFTER_END = "Range start element must be smaller than range end element";

    private RangeFunctions() {
    }

    /**
     * A RANGE as SQL: whether it is NULL (failing there when the RANGE is invalid), its start and its end (each NULL
     * when unbounded, read only after {@code isNull}).
     */
    private record Bounds(String isNull, String start, String end) {
    }

    /** Whether the call takes or gives a RANGE, so that only this class may render it. */
    static boolean involvesRange(ResolvedFunctionCall call) {
        return call.getType().isRange() || call.getArgumentList().stream().anyMatch(a -> a.getType().isRange());
    }

    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        switch (name) {
            case "range_start":
            case "range_end": {
                Bounds range = bounds(args.get(0), t);
                return "CASE WHEN " + range.isNull() + " THEN NULL ELSE " + (name.equals("range_start") ? range.start() : range.end()) + " END";
            }
            case "range_contains": {
                Bounds range = bounds(args.get(0), t);
                if (args.get(1).getType().isRange()) {
                    Bounds inner = bounds(args.get(1), t);
                    return nullOr(range, inner, "(" + range.start() + " IS NULL OR " + inner.start() + " IS NOT NULL AND " + range.start()
                            + " <= " + inner.start() + ") AND (" + range.end() + " IS NULL OR " + inner.end() + " IS NOT NULL AND "
                            + inner.end() + " <= " + range.end() + ")");
                }
                String value = t.repeatable(args.get(1), "RANGE_CONTAINS");
                return "CASE WHEN " + range.isNull() + " OR " + value + " IS NULL THEN NULL ELSE (" + range.start() + " IS NULL OR "
                        + range.start() + " <= " + value + ") AND (" + range.end() + " IS NULL OR " + value + " < " + range.end() + ") END";
            }
            case "range_overlaps": {
                Bounds a = bounds(args.get(0), t);
                Bounds b = bounds(args.get(1), t);
                return nullOr(a, b, overlap(a, b));
            }
            case "$equal":
            case "$not_equal": {
                Bounds a = bounds(args.get(0), t);
                Bounds b = bounds(args.get(1), t);
                String equal = "(" + a.start() + " IS NOT DISTINCT FROM " + b.start() + " AND " + a.end() + " IS NOT DISTINCT FROM "
                        + b.end() + ")";
                return nullOr(a, b, name.equals("$equal") ? equal : "NOT " + equal);
            }
            case "$is_null":
                return "(" + bounds(args.get(0), t).isNull() + ")";
            case "range":
            case "range_intersect":
                if (!ResolvedTranslator.safe(call)) {
                    return text(bounds(call, t), ((RangeType) call.getType()).getElementType());
                }
                // fall through: SAFE.RANGE and SAFE.RANGE_INTERSECT are refused by name
            default:
                throw ResolvedTranslator.refuse(call.getType().isRange()
                        ? "RANGE values other than as arguments of RANGE_START, RANGE_END, RANGE_CONTAINS, RANGE_OVERLAPS, ="
                                + " and IS NULL (" + ResolvedFunctions.sqlName(call) + " here)"
                        : ResolvedFunctions.sqlName(call) + " of RANGE values");
        }
    }

    /** A RANGE value's canonical text, as BigQuery's REST API sends a RANGE cell ({@code [2020-01-01, UNBOUNDED)}). */
    static String text(Value value) {
        ValueProto.Range range = value.serialize().getRangeValue();
        Type element = ((RangeType) value.getType()).getElementType();
        return BigQueryText.ofRange(bound(element, range.getStart()), bound(element, range.getEnd()));
    }

    private static Object bound(Type element, ValueProto proto) {
        Value value = Value.deserialize(element, proto);
        return value.isNull() ? null : ResolvedTranslator.javaValue(value);
    }

    /** The canonical text of a RANGE in SQL: each bound as CAST(… AS STRING) writes it, UNBOUNDED when open. */
    private static String text(Bounds range, Type element) {
        ColumnType type = ZetaTypes.column("_", element).type();
        String start = Casts.cast(Typed.of(range.start(), type), "STRING", false).sql();
        String end = Casts.cast(Typed.of(range.end(), type), "STRING", false).sql();
        String unbounded = "'" + BigQueryText.UNBOUNDED + "'";
        return "CASE WHEN " + range.isNull() + " THEN CAST(NULL AS CHARACTER VARYING) ELSE '[' || COALESCE(" + start + ", "
                + unbounded + ") || ', ' || COALESCE(" + end + ", " + unbounded + ") || ')' END";
    }

    /** Functions that only carry or count the elements of an array of RANGE values, so their text stands for them. */
    private static final java.util.Set<String> CARRIERS = java.util.Set.of("array_length", "array_reverse", "array_concat",
            "$is_null");

    /**
     * Refuses a function of an array or struct holding RANGE values (TO_JSON_STRING, FORMAT, ARRAY_MIN … would read
     * their text, not the range), except those that only carry or count the elements.
     */
    static void refuseHeld(String name, ResolvedFunctionCall call) {
        if (ZetaTypes.involves(call, Type::isRange) && !CARRIERS.contains(name)) {
            throw ResolvedTranslator.refuse(ResolvedFunctions.sqlName(call) + " of arrays or structs holding RANGE values");
        }
    }

    /** Aggregates of RANGE values: only COUNT, which reads no value (MIN, MAX, ARRAY_AGG … would read the text). */
    static void refuseAggregate(String name, ResolvedNonScalarFunctionCallBase call) {
        if (!(name.equals("count") && !call.getDistinct())) {
            throw ResolvedTranslator.refuse("Aggregate function " + ResolvedFunctions.sqlName(call) + " with RANGE values");
        }
    }

    private static String nullOr(Bounds a, Bounds b, String test) {
        return "CASE WHEN " + a.isNull() + " OR " + b.isNull() + " THEN NULL ELSE " + test + " END";
    }

    /** Whether two non-NULL ranges share a point: each starts before the other ends. */
    private static String overlap(Bounds a, Bounds b) {
        return "(" + a.start() + " IS NULL OR " + b.end() + " IS NULL OR " + a.start() + " < " + b.end() + ") AND ("
                + b.start() + " IS NULL OR " + a.end() + " IS NULL OR " + b.start() + " < " + a.end() + ")";
    }

    /** The bounds of a RANGE expression the query writes out: a literal, {@code RANGE(…)} or {@code RANGE_INTERSECT(…)}. */
    private static Bounds bounds(ResolvedExpr e, ResolvedTranslator t) {
        Type element = ((RangeType) e.getType()).getElementType();
        String type = ResolvedTranslator.h2Type(element);
        if (e instanceof ResolvedLiteral) {
            Value value = ((ResolvedLiteral) e).getValue();
            if (value.isNull()) {
                return new Bounds("TRUE", "CAST(NULL AS " + type + ")", "CAST(NULL AS " + type + ")");
            }
            ValueProto.Range range = value.serialize().getRangeValue();
            return new Bounds("FALSE", t.literal(Value.deserialize(element, range.getStart())),
                    t.literal(Value.deserialize(element, range.getEnd())));
        }
        String name = e instanceof ResolvedFunctionCall
                ? ((ResolvedFunctionCall) e).getFunction().getName().toLowerCase(Locale.ROOT) : "";
        if (name.equals("range") && !ResolvedTranslator.safe((ResolvedFunctionCall) e)) {
            List<ResolvedExpr> args = ((ResolvedFunctionCall) e).getArgumentList();
            String start = t.repeatable(args.get(0), "RANGE");
            String end = t.repeatable(args.get(1), "RANGE");
            // Every use asks first whether the RANGE is NULL, so that is where an invalid one fails.
            String invalid = "CASE WHEN " + start + " >= " + end + " THEN CAST(" + StrictFunctions.call("error", "'"
                    + START_AFTER_END + "'") + " AS BOOLEAN) ELSE FALSE END";
            return new Bounds(invalid, start, end);
        }
        if (name.equals("range_intersect") && !ResolvedTranslator.safe((ResolvedFunctionCall) e)) {
            List<ResolvedExpr> args = ((ResolvedFunctionCall) e).getArgumentList();
            Bounds a = bounds(args.get(0), t);
            Bounds b = bounds(args.get(1), t);
            String isNull = "CASE WHEN " + a.isNull() + " OR " + b.isNull() + " THEN TRUE WHEN NOT (" + overlap(a, b) + ") THEN CAST("
                    + StrictFunctions.call("error", "'Provided RANGE inputs do not overlap. Please check RANGE_OVERLAPS before"
                    + " calling RANGE_INTERSECT'") + " AS BOOLEAN) ELSE FALSE END";
            String start = "CASE WHEN " + a.start() + " IS NULL THEN " + b.start() + " WHEN " + b.start() + " IS NULL THEN "
                    + a.start() + " WHEN " + a.start() + " < " + b.start() + " THEN " + b.start() + " ELSE " + a.start() + " END";
            String end = "CASE WHEN " + a.end() + " IS NULL THEN " + b.end() + " WHEN " + b.end() + " IS NULL THEN "
                    + a.end() + " WHEN " + a.end() + " < " + b.end() + " THEN " + a.end() + " ELSE " + b.end() + " END";
            return new Bounds(isNull, start, end);
        }
        throw ResolvedTranslator.refuse("RANGE values other than literals, RANGE(…) and RANGE_INTERSECT(…) written in the"
                + " function that reads them (a RANGE column or a RANGE passed through a subquery)");
    }
}
