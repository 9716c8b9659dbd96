package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.sql.Ast.Expr;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;

/**
 * A BigQuery date or time part as EXTRACT, DATE_DIFF and DATE_ADD name it, with the H2 SQL that computes it.
 * {@code WEEK} carries the weekday its weeks start on (Sunday unless written {@code WEEK(MONDAY)}).
 */
record DatePart(Kind kind, DayOfWeek weekStart) {

    /** H2 integer division truncates; shifting day numbers by this multiple of 7 keeps them positive. */
    private static final long POSITIVE_WEEKS = 7L * 1_000_000;

    enum Kind {
        MICROSECOND(true), MILLISECOND(true), SECOND(true), MINUTE(true), HOUR(true),
        DAYOFWEEK(false), DAY(false), DAYOFYEAR(false), WEEK(false), ISOWEEK(false), MONTH(false),
        QUARTER(false), YEAR(false), ISOYEAR(false), DATE(false), TIME(true), DATETIME(false);

        final boolean timeOfDay;

        Kind(boolean timeOfDay) {
            this.timeOfDay = timeOfDay;
        }
    }

    /** The part written as {@code expr}: a bare name or {@code WEEK(<WEEKDAY>)}; {@code function} is for errors. */
    static DatePart of(Expr expr, String function) {
        if (expr instanceof Ast.Path && ((Ast.Path) expr).parts().size() == 1) {
            String name = ((Ast.Path) expr).parts().get(0).toUpperCase(Locale.ROOT);
            Kind kind = kind(name, function);
            return new DatePart(kind, kind == Kind.WEEK ? DayOfWeek.SUNDAY : null);
        }
        if (expr instanceof Ast.Call && ((Ast.Call) expr).name().equals("WEEK") && ((Ast.Call) expr).args().size() == 1
                && ((Ast.Call) expr).args().get(0) instanceof Ast.Path) {
            List<String> day = ((Ast.Path) ((Ast.Call) expr).args().get(0)).parts();
            try {
                return new DatePart(Kind.WEEK, DayOfWeek.valueOf(day.get(0).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Translator.invalid(function + ": WEEK(" + day.get(0) + ") needs a weekday name: WEEK(SUNDAY) … WEEK(SATURDAY)");
            }
        }
        throw Translator.invalid(function + " needs a date part such as DAY, WEEK, WEEK(MONDAY), MONTH, YEAR");
    }

    /** A part as ZetaSQL's resolved date-part enum names it: {@code DAY}, {@code WEEK_MONDAY}, {@code ISOWEEK} … */
    static DatePart named(String zetaName) {
        if (zetaName.startsWith("WEEK_")) {
            return new DatePart(Kind.WEEK, DayOfWeek.valueOf(zetaName.substring(5)));
        }
        Kind kind = kind(zetaName, "EXTRACT");
        return new DatePart(kind, kind == Kind.WEEK ? DayOfWeek.SUNDAY : null);
    }

    private static Kind kind(String name, String function) {
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw Translator.invalid(function + ": " + name + " is not a date part (DAY, WEEK, WEEK(<WEEKDAY>), ISOWEEK, MONTH, QUARTER, YEAR, ISOYEAR, …)");
        }
    }

    String describe() {
        return kind == Kind.WEEK && weekStart != DayOfWeek.SUNDAY ? "WEEK(" + weekStart + ")" : kind.name();
    }

    /**
     * EXTRACT of this part from {@code local}, an H2 DATE, TIMESTAMP (DATETIME) or TIME holding wall-clock
     * fields. Returns INT64 SQL, or for DATE / TIME / DATETIME the value of that type.
     */
    String extract(String local) {
        switch (kind) {
            case MICROSECOND:
                return bigint("EXTRACT(NANOSECOND FROM " + local + ") / 1000");
            case MILLISECOND:
                return bigint("EXTRACT(NANOSECOND FROM " + local + ") / 1000000");
            case SECOND:
            case MINUTE:
            case HOUR:
            case DAY:
            case MONTH:
            case QUARTER:
            case YEAR:
                return bigint("EXTRACT(" + kind + " FROM " + local + ")");
            case DAYOFWEEK:
                // BigQuery counts Sunday as 1; H2's ISO day of week counts Monday as 1 and Sunday as 7.
                return bigint("MOD(EXTRACT(ISO_DAY_OF_WEEK FROM " + local + "), 7) + 1");
            case DAYOFYEAR:
                return bigint("EXTRACT(DAY_OF_YEAR FROM " + local + ")");
            case WEEK:
                // Weeks start on weekStart; days before the year's first weekStart are in week 0.
                return bigint("(EXTRACT(DAY_OF_YEAR FROM " + local + ") + 6 - MOD(EXTRACT(ISO_DAY_OF_WEEK FROM " + local
                        + ") - " + weekStart.getValue() + " + 7, 7)) / 7");
            case ISOWEEK:
                return bigint("EXTRACT(ISO_WEEK FROM " + local + ")");
            case ISOYEAR:
                return bigint("EXTRACT(ISO_WEEK_YEAR FROM " + local + ")");
            case DATE:
                return "CAST(" + local + " AS DATE)";
            case TIME:
                return "CAST(" + local + " AS TIME(6))";
            default:
                return "CAST(" + local + " AS TIMESTAMP(6))";
        }
    }

    /** DATE_DIFF(end, start, this part): the number of part boundaries between two DATEs. */
    String dateDiff(String end, String start) {
        switch (kind) {
            case DAY:
            case MONTH:
            case QUARTER:
            case YEAR:
                // H2's DATEDIFF counts crossed boundaries of these units, as BigQuery does.
                return "DATEDIFF(" + kind + ", " + start + ", " + end + ")";
            case WEEK:
                return "(" + weekNumber(end, weekStart) + " - " + weekNumber(start, weekStart) + ")";
            case ISOWEEK:
                return "(" + weekNumber(end, DayOfWeek.MONDAY) + " - " + weekNumber(start, DayOfWeek.MONDAY) + ")";
            case ISOYEAR:
                return bigint("EXTRACT(ISO_WEEK_YEAR FROM " + end + ") - EXTRACT(ISO_WEEK_YEAR FROM " + start + ")");
            default:
                throw Translator.invalid("DATE_DIFF does not support the " + describe() + " date part");
        }
    }

    /** A running count of weeks starting on {@code first}: equal for two dates in the same week. */
    private static String weekNumber(String date, DayOfWeek first) {
        // 1970-01-01 was a Thursday; the anchor is the first day of 1970 that is a 'first'.
        int anchorDay = 1 + Math.floorMod(first.getValue() - DayOfWeek.THURSDAY.getValue(), 7);
        return "((DATEDIFF(DAY, DATE '1970-01-0" + anchorDay + "', " + date + ") + " + POSITIVE_WEEKS + ") / 7)";
    }

    private static String bigint(String sql) {
        return "CAST(" + sql + " AS BIGINT)";
    }
}
