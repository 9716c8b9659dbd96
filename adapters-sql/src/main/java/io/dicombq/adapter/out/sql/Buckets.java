package io.dicombq.adapter.out.sql;

import com.google.zetasql.IntervalValue;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DATE_BUCKET, DATETIME_BUCKET, TIMESTAMP_BUCKET: the bucket width, an INTERVAL, is passed to {@link BucketRuntime}
 * as its three parts (months, days, microseconds); the origin is 1950-01-01 00:00:00 unless given (BigQuery docs:
 * DATE_BUCKET).
 */
final class Buckets {
    private static final String BIGINT = "BIGINT";
    /** Each INTERVAL part as a number of months, days or microseconds (the part of the interval it fills). */
    private static final Map<String, long[]> PARTS = Map.of(
            "YEAR", new long[] {12, 0, 0}, "QUARTER", new long[] {3, 0, 0}, "MONTH", new long[] {1, 0, 0},
            "WEEK", new long[] {0, 7, 0}, "DAY", new long[] {0, 1, 0}, "HOUR", new long[] {0, 0, 3_600_000_000L},
            "MINUTE", new long[] {0, 0, 60_000_000L}, "SECOND", new long[] {0, 0, 1_000_000L},
            "MILLISECOND", new long[] {0, 0, 1_000L}, "MICROSECOND", new long[] {0, 0, 1L});

    private Buckets() {
    }

    static String render(ResolvedFunctionCall call, String name, ResolvedTranslator t) {
        List<ResolvedExpr> args = call.getArgumentList();
        String origin = args.size() > 2 ? t.expr(args.get(2))
                : "CAST('1950-01-01 00:00:00' AS " + ResolvedTranslator.h2Type(call.getType()) + ")";
        if (call.getType().isDate() && args.size() <= 2) {
            origin = "DATE '1950-01-01'";
        }
        String[] width = width(args.get(1), t, call);
        // DATE_BUCKET also takes a DATETIME (ZetaSQL's signatures): the runtime follows the value's type, or H2
        // would convert a DATETIME and its origin to dates.
        String runtime = call.getType().isDate() ? "date_bucket" : call.getType().isDatetime() ? "datetime_bucket"
                : call.getType().isTimestamp() ? "timestamp_bucket" : name;
        return ResolvedFunctions.call(runtime, t.expr(args.get(0)), width[0], width[1], width[2], origin);
    }

    private static String[] width(ResolvedExpr width, ResolvedTranslator t, ResolvedFunctionCall call) {
        if (width instanceof ResolvedLiteral) {
            com.google.zetasql.Value value = ((ResolvedLiteral) width).getValue();
            if (value.isNull()) {
                String none = "CAST(NULL AS " + BIGINT + ")";
                return new String[] {none, none, none};
            }
            IntervalValue interval = value.getIntervalValue();
            if (interval.nanoFractions() != 0) {
                throw ResolvedTranslator.refuse(ResolvedFunctions.sqlName(call) + " with a width in nanoseconds");
            }
            return new String[] {number(interval.months()), number(interval.days()), number(interval.micros())};
        }
        if (width instanceof ResolvedFunctionCall
                && ((ResolvedFunctionCall) width).getFunction().getName().toLowerCase(Locale.ROOT).equals("$interval")) {
            List<ResolvedExpr> parts = ((ResolvedFunctionCall) width).getArgumentList();
            long[] unit = PARTS.get(ResolvedFunctions.datePart(parts.get(1)));
            if (unit == null) {
                throw ResolvedTranslator.refuse(ResolvedFunctions.sqlName(call) + " with a width in "
                        + ResolvedFunctions.datePart(parts.get(1)));
            }
            String count = "CAST(" + t.expr(parts.get(0)) + " AS " + BIGINT + ")";
            String[] sql = new String[3];
            for (int i = 0; i < 3; i++) {
                sql[i] = "(" + count + " * " + unit[i] + ")";
            }
            return sql;
        }
        throw ResolvedTranslator.refuse(ResolvedFunctions.sqlName(call) + " with a width other than INTERVAL n part");
    }

    private static String number(long value) {
        return "CAST(" + value + " AS " + BIGINT + ")";
    }
}
