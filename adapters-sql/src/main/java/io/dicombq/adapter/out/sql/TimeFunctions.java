package io.dicombq.adapter.out.sql;

import com.google.zetasql.Type;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The TIME, DATETIME and TIMESTAMP functions of a resolved statement (BigQuery docs: datetime, time and timestamp
 * functions): constructors and conversions, *_ADD / *_SUB / *_DIFF, EXTRACT … AT TIME ZONE, the Unix-epoch
 * functions, FORMAT_* / PARSE_* and GENERATE_TIMESTAMP_ARRAY, rendered as calls of {@link TimeRuntime}. DATE-only
 * forms stay with the hand-written translator (see {@link ResolvedFunctions}).
 */
final class TimeFunctions {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** The functions rendered here that {@code SAFE.} may prefix: their failures are in {@link SafeTimeRuntime}'s twins. */
    static final Set<String> SAFE = Set.of("date", "datetime", "time", "timestamp", "string", "datetime_add",
            "datetime_sub", "timestamp_add", "timestamp_sub", "time_add", "time_sub", "datetime_diff", "timestamp_diff",
            "time_diff", "date_from_unix_date", "unix_date", "unix_seconds", "unix_millis", "unix_micros",
            "timestamp_seconds", "timestamp_millis", "timestamp_micros", "timestamp_from_unix_seconds",
            "timestamp_from_unix_millis", "timestamp_from_unix_micros", "format_time", "format_datetime",
            "format_timestamp", "parse_time", "parse_datetime", "parse_timestamp", "generate_timestamp_array");

    private TimeFunctions() {
    }

    /** The H2 SQL of {@code name}, or {@code null} when it is none of these functions (or a DATE-only form). */
    static String call(String name, ResolvedFunctionCall call, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        switch (name) {
            case "date":
                return date(call, args, t);
            case "datetime":
                return datetime(call, args, t);
            case "time":
                return time(call, args, t);
            case "timestamp":
                return timestamp(call, args, t);
            case "string":
                return string(args, t);
            case "date_add":
            case "date_sub":
                return kind(args.get(0)) == TypeKind.TYPE_DATE ? null : add(call, name.endsWith("sub"), args, t);
            case "datetime_add":
            case "timestamp_add":
            case "time_add":
                return add(call, false, args, t);
            case "datetime_sub":
            case "timestamp_sub":
            case "time_sub":
                return add(call, true, args, t);
            case "date_diff":
                return kind(args.get(0)) == TypeKind.TYPE_DATE ? null : diff(call, args, t);
            case "datetime_diff":
            case "timestamp_diff":
            case "time_diff":
                return diff(call, args, t);
            case "$extract":
                return args.size() == 3 ? extract(ResolvedFunctions.datePart(args.get(1)), args.get(0), args.get(2), t) : null;
            case "$extract_date":
            case "$extract_time":
            case "$extract_datetime":
                return args.size() == 2 && kind(args.get(0)) == TypeKind.TYPE_TIMESTAMP
                        ? extract(name.substring("$extract_".length()).toUpperCase(Locale.ROOT), args.get(0), args.get(1), t) : null;
            case "unix_date":
                return ResolvedFunctions.call("unix_date_of", t.expr(args.get(0)));
            case "date_from_unix_date":
                return cast(call, runtime("date_of_unix_date", t.expr(args.get(0))));
            case "unix_seconds":
                return ResolvedFunctions.call("unix_units_of", t.expr(args.get(0)), units(MICROS_PER_SECOND));
            case "unix_millis":
                return ResolvedFunctions.call("unix_units_of", t.expr(args.get(0)), units(1_000));
            case "unix_micros":
                return ResolvedFunctions.call("unix_units_of", t.expr(args.get(0)), units(1));
            case "timestamp_seconds":
            case "timestamp_from_unix_seconds":
                return fromUnix(call, args, MICROS_PER_SECOND, t);
            case "timestamp_millis":
            case "timestamp_from_unix_millis":
                return fromUnix(call, args, 1_000, t);
            case "timestamp_micros":
            case "timestamp_from_unix_micros":
                return fromUnix(call, args, 1, t);
            case "format_time":
            case "format_datetime":
                return formatted(call, args, "format_" + name.substring("format_".length()) + "_of", t, false);
            case "format_timestamp":
                return formatted(call, args, "format_timestamp_of", t, true);
            case "parse_time":
            case "parse_datetime":
                return formatted(call, args, "parse_" + name.substring("parse_".length()) + "_of", t, false);
            case "parse_timestamp":
                return formatted(call, args, "parse_timestamp_of", t, true);
            case "generate_timestamp_array": {
                String step = t.expr(args.get(2));
                String part = ResolvedFunctions.datePart(args.get(3));
                return cast(call, runtime("generate_timestamp_array", t.expr(args.get(0)), t.expr(args.get(1)), step, quote(part)));
            }
            default:
                return null;
        }
    }

    /** DATE(year, month, day), DATE(timestamp[, zone]), DATE(datetime). */
    private static String date(ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        if (args.size() == 3) {
            return cast(call, runtime("date_of_ymd", t.expr(args.get(0)), t.expr(args.get(1)), t.expr(args.get(2))));
        }
        switch (kind(args.get(0))) {
            case TYPE_TIMESTAMP:
                return cast(call, runtime("date_of_timestamp", t.expr(args.get(0)), zone(args, 1, t)));
            case TYPE_DATETIME:
            case TYPE_DATE:
                return "CAST(" + t.expr(args.get(0)) + " AS DATE)";
            case TYPE_STRING:
                // the text read as a TIMESTAMP, its date in UTC (as ZetaSQL's reference: '2016-12-25 23:00:00-05' is the 26th)
                return cast(call, runtime("date_of_timestamp", runtime("timestamp_of_string", t.expr(args.get(0)), "'UTC'", "FALSE"), "'UTC'"));
            default:
                throw ResolvedFunctions.unsupportedTypes(call);
        }
    }

    /** DATETIME(y, mo, d, h, mi, s), DATETIME(date[, time]), DATETIME(timestamp[, zone]), DATETIME(datetime). */
    private static String datetime(ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        if (args.size() == 6) {
            return cast(call, runtime("datetime_of_fields", t.expr(args.get(0)), t.expr(args.get(1)), t.expr(args.get(2)),
                    t.expr(args.get(3)), t.expr(args.get(4)), t.expr(args.get(5))));
        }
        switch (kind(args.get(0))) {
            case TYPE_TIMESTAMP:
                return cast(call, runtime("datetime_of_timestamp", t.expr(args.get(0)), zone(args, 1, t)));
            case TYPE_DATE:
                if (args.size() == 2) {
                    // H2 adds a TIME to a TIMESTAMP as an interval of that time of day
                    String time = t.expr(args.get(1));
                    return "CASE WHEN " + time + " IS NOT NULL THEN CAST(CAST(" + t.expr(args.get(0)) + " AS TIMESTAMP(6)) + "
                            + time + " AS TIMESTAMP(6)) END";
                }
                return "CAST(" + t.expr(args.get(0)) + " AS TIMESTAMP(6))";
            case TYPE_DATETIME:
                return t.expr(args.get(0));
            case TYPE_STRING:
                // the text read as CAST reads it
                return Casts.cast(new Typed(t.expr(args.get(0)), ResolvedTranslator.columnOf(args.get(0).getType())), "DATETIME",
                        ResolvedTranslator.safe(call)).sql();
            default:
                throw ResolvedFunctions.unsupportedTypes(call);
        }
    }

    /** TIME(h, m, s), TIME(timestamp[, zone]), TIME(datetime). */
    private static String time(ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        if (args.size() == 3) {
            return cast(call, runtime("time_of_fields", t.expr(args.get(0)), t.expr(args.get(1)), t.expr(args.get(2))));
        }
        switch (kind(args.get(0))) {
            case TYPE_TIMESTAMP:
                return cast(call, runtime("time_of_timestamp", t.expr(args.get(0)), zone(args, 1, t)));
            case TYPE_DATETIME:
            case TYPE_TIME:
                return "CAST(" + t.expr(args.get(0)) + " AS TIME(6))";
            default:
                throw ResolvedFunctions.unsupportedTypes(call);
        }
    }

    /** TIMESTAMP(string[, zone]), TIMESTAMP(date[, zone]), TIMESTAMP(datetime[, zone]), TIMESTAMP(timestamp). */
    private static String timestamp(ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        String value = t.expr(args.get(0));
        switch (kind(args.get(0))) {
            case TYPE_STRING:
                // a text with its own zone is allowed only when no zone is given
                return cast(call, runtime("timestamp_of_string", value, zone(args, 1, t), args.size() > 1 ? "TRUE" : "FALSE"));
            case TYPE_DATE:
                return cast(call, runtime("timestamp_of_datetime", "CAST(" + value + " AS TIMESTAMP(6))", zone(args, 1, t)));
            case TYPE_DATETIME:
                return cast(call, runtime("timestamp_of_datetime", value, zone(args, 1, t)));
            case TYPE_TIMESTAMP:
                return value;
            default:
                throw ResolvedFunctions.unsupportedTypes(call);
        }
    }

    /** STRING(timestamp[, zone]) and STRING of a DATE, TIME or DATETIME (their CAST to STRING); others are not ours. */
    private static String string(List<ResolvedExpr> args, ResolvedTranslator t) {
        switch (kind(args.get(0))) {
            case TYPE_TIMESTAMP:
                return runtime("timestamp_text", t.expr(args.get(0)), zone(args, 1, t));
            case TYPE_DATE:
            case TYPE_TIME:
            case TYPE_DATETIME:
                return Casts.cast(new Typed(t.expr(args.get(0)), ResolvedTranslator.columnOf(args.get(0).getType())), "STRING", false).sql();
            default:
                return null;
        }
    }

    /** *_ADD and *_SUB (and DATE_ADD / DATE_SUB of a DATETIME or TIMESTAMP): the part's unit rules are the runtime's. */
    private static String add(ResolvedFunctionCall call, boolean subtract, List<ResolvedExpr> args, ResolvedTranslator t) {
        String function;
        switch (kind(args.get(0))) {
            case TYPE_DATETIME:
                function = "datetime_add_part";
                break;
            case TYPE_TIMESTAMP:
                function = "timestamp_add_part";
                break;
            case TYPE_TIME:
                function = "time_add_part";
                break;
            default:
                throw ResolvedFunctions.unsupportedTypes(call);
        }
        String amount = t.expr(args.get(1));
        String part = ResolvedFunctions.datePart(args.get(2));
        return cast(call, runtime(function, t.expr(args.get(0)), amount, quote(part), subtract ? "TRUE" : "FALSE"));
    }

    /** *_DIFF (and DATE_DIFF of DATETIMEs or TIMESTAMPs); a DATETIME's date parts count boundaries as DATE_DIFF does. */
    private static String diff(ResolvedFunctionCall call, List<ResolvedExpr> args, ResolvedTranslator t) {
        String end = t.expr(args.get(0));
        String start = t.expr(args.get(1));
        String part = ResolvedFunctions.datePart(args.get(2));
        switch (kind(args.get(0))) {
            case TYPE_DATETIME:
                if (DatePart.named(part).kind().timeOfDay) {
                    return runtime("datetime_diff_part", end, start, quote(part));
                }
                return "CAST(" + DatePart.named(part).dateDiff("CAST(" + end + " AS DATE)", "CAST(" + start + " AS DATE)") + " AS BIGINT)";
            case TYPE_TIMESTAMP:
                return runtime("timestamp_diff_part", end, start, quote(part));
            case TYPE_TIME:
                return runtime("time_diff_part", end, start, quote(part));
            default:
                throw ResolvedFunctions.unsupportedTypes(call);
        }
    }

    /** EXTRACT(part FROM timestamp AT TIME ZONE zone): the part of the wall clock in that zone. */
    private static String extract(String part, ResolvedExpr timestamp, ResolvedExpr zone, ResolvedTranslator t) {
        String local = "CAST(" + runtime("datetime_of_timestamp", t.expr(timestamp), t.expr(zone)) + " AS TIMESTAMP(6))";
        return DatePart.named(part).extract(local);
    }

    private static String fromUnix(ResolvedFunctionCall call, List<ResolvedExpr> args, long unit, ResolvedTranslator t) {
        return cast(call, runtime("timestamp_of_units", t.expr(args.get(0)), units(unit)));
    }

    /** FORMAT_* and PARSE_* with a literal format, compiled here so an unsupported element is refused by name. */
    private static String formatted(ResolvedFunctionCall call, List<ResolvedExpr> args, String function, ResolvedTranslator t,
                                    boolean zoned) {
        String sqlName = ResolvedFunctions.sqlName(call);
        if (!zoned && args.size() > 1 && args.get(1).getType().isTimestamp()) {
            // the analyzer takes FORMAT_DATETIME(format, timestamp[, zone]); BigQuery documents only a DATETIME
            throw ResolvedTranslator.refuse(sqlName + " of a TIMESTAMP");
        }
        ResolvedExpr format = args.get(0);
        if (!(format instanceof ResolvedLiteral)) {
            throw ResolvedTranslator.refuse(sqlName + " with a format that is not a literal");
        }
        if (!((ResolvedLiteral) format).getValue().isNull()) {
            DateFormat.compile(sqlName, ((ResolvedLiteral) format).getValue().getStringValue());
        }
        String[] sql = zoned ? new String[] {t.expr(format), t.expr(args.get(1)), zone(args, 2, t)}
                : new String[] {t.expr(format), t.expr(args.get(1))};
        return call.getType().isString() ? ResolvedFunctions.call(function, sql) : cast(call, runtime(function, sql));
    }

    /**
     * ZetaSQL 2024.11.1's analyzer folds {@code CAST(DATE '2008-12-25' AS DATETIME)} into the constant 1970-01-01
     * 00:00:00 (its reference implementation agrees; BigQuery docs, conversion rules: the date at midnight), so such
     * a folded constant is refused rather than answered.
     */
    static void requireFaithful(ResolvedLiteral literal) {
        if (literal.getHasExplicitType() && literal.getType().isDatetime() && !literal.getValue().isNull()
                && literal.getValue().getLocalDateTimeValue().equals(java.time.LocalDateTime.of(1970, 1, 1, 0, 0))) {
            throw ResolvedTranslator.refuse("CAST of a constant to DATETIME that gives 1970-01-01 00:00:00");
        }
    }

    /** The zone argument at {@code index}, or UTC when the call has none. */
    private static String zone(List<ResolvedExpr> args, int index, ResolvedTranslator t) {
        return args.size() > index ? t.expr(args.get(index)) : "'UTC'";
    }

    private static TypeKind kind(ResolvedExpr arg) {
        Type type = arg.getType();
        return type.getKind();
    }

    private static String runtime(String function, String... args) {
        return ResolvedFunctions.call(function, args);
    }

    private static String cast(ResolvedFunctionCall call, String sql) {
        return "CAST(" + sql + " AS " + ResolvedTranslator.h2Type(call.getType()) + ")";
    }

    private static String units(long micros) {
        return "CAST(" + micros + " AS BIGINT)";
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }
}
