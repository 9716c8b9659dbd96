package io.dicombq.adapter.out.sql;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * {@code CAST(string AS DATE | DATETIME | TIME | TIMESTAMP FORMAT '…')} (BigQuery docs: format elements, "Format string
 * as date and time"), for text in the exact shape of its format: {@code YYYY}, {@code MM}, {@code DD}, {@code MON},
 * {@code MONTH}, {@code HH24}, {@code HH}/{@code HH12} with {@code A.M.}/{@code P.M.},
 * {@code MI}, {@code SS}, {@code FF1}…{@code FF9}, {@code TZH}, {@code TZM} and the literals {@code - . / , ; :} and
 * space. A missing day is 1 and missing time parts are 0, as documented; a missing year or month (BigQuery takes the
 * current one), other elements, text that strays from the format's shape and values out of range are refused by name
 * when a row meets them, since the engine does not reproduce BigQuery's looser matching and its errors.
 */
public final class DateTimeParseElements {
    static final String[][] NAMES = {
        {"parse_date_elements", "parseDate"}, {"parse_datetime_elements", "parseDatetime"},
        {"parse_time_elements", "parseTime"}, {"parse_timestamp_elements", "parseTimestamp"},
    };
    /** Longest first, so that MONTH wins over MON and HH24 over HH. */
    private static final List<String> ELEMENTS = List.of("MONTH", "HH24", "HH12", "YYYY", "A.M.", "P.M.", "FF1", "FF2",
            "FF3", "FF4", "FF5", "FF6", "FF7", "FF8", "FF9", "MON", "TZH", "TZM", "MM", "DD", "HH", "MI", "SS");
    private static final String LITERALS = "-./,;: ";

    private DateTimeParseElements() {
    }

    public static LocalDate parseDate(String text, String format) {
        return text == null || format == null ? null : new Parsed(text, format, true, false).date();
    }

    public static LocalDateTime parseDatetime(String text, String format) {
        return text == null || format == null ? null : new Parsed(text, format, true, true).datetime();
    }

    public static LocalTime parseTime(String text, String format) {
        return text == null || format == null ? null : new Parsed(text, format, false, true).time();
    }

    public static OffsetDateTime parseTimestamp(String text, String format) {
        if (text == null || format == null) {
            return null;
        }
        Parsed parsed = new Parsed(text, format, true, true);
        // without a zone in the text, BigQuery's default zone, UTC
        return parsed.datetime().atOffset(parsed.offset()).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static InvalidValueException refuse(String text, String format) {
        return InvalidValueException.unknownAnswer("CAST('" + text + "' AS … FORMAT '" + format + "') (text in another shape"
                + " than its format, an element or a missing year or month the engine does not read)");
    }

    /** The parts read from one text. */
    private static final class Parsed {
        private final String text;
        private final String format;
        private Integer year;
        private Integer month;
        private Integer day;
        private Integer hour;
        private Integer hour12;
        private Boolean afternoon;
        private int minute;
        private int second;
        private int nanos;
        private int offsetHours;
        private int offsetMinutes;
        private char offsetSign = '+';
        private int at;

        Parsed(String text, String format, boolean datePart, boolean timePart) {
            this.text = text;
            this.format = format;
            String upper = format.toUpperCase(Locale.ROOT);
            int i = 0;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (i < format.length()) {
                char c = format.charAt(i);
                if (LITERALS.indexOf(c) >= 0) {
                    expect(c);
                    i++;
                    continue;
                }
                String element = null;
                for (String candidate : ELEMENTS) {
                    if (upper.startsWith(candidate, i) && format.startsWith(candidate, i)) {
                        element = candidate;
                        break;
                    }
                }
                if (element == null || !seen.add(element.startsWith("FF") ? "FF" : element)) {
                    throw refuse(text, format);
                }
                boolean forDate = List.of("YYYY", "MM", "DD", "MON", "MONTH").contains(element);
                if (forDate ? !datePart : !timePart && !element.startsWith("TZ")) {
                    throw refuse(text, format);
                }
                read(element);
                i += element.length();
            }
            if (at != text.length() || (hour12 == null) != (afternoon == null) || (hour != null && hour12 != null)) {
                throw refuse(text, format);
            }
            if (datePart && (year == null || month == null)) {
                throw refuse(text, format);
            }
        }

        private void read(String element) {
            switch (element) {
                case "YYYY" -> year = digits(4);
                case "MM" -> month = digits(2);
                case "DD" -> day = digits(2);
                case "MON", "MONTH" -> month = monthName(element.equals("MON") ? TextStyle.SHORT : TextStyle.FULL);
                case "HH24" -> hour = digits(2);
                case "HH", "HH12" -> hour12 = digits(2);
                case "MI" -> minute = digits(2);
                case "SS" -> second = digits(2);
                case "A.M.", "P.M." -> afternoon = meridian();
                case "TZH" -> {
                    if (at >= text.length() || "+- ".indexOf(text.charAt(at)) < 0) {
                        throw refuse(text, format);
                    }
                    offsetSign = text.charAt(at++) == '-' ? '-' : '+';
                    offsetHours = digits(2);
                }
                case "TZM" -> offsetMinutes = digits(2);
                default -> {
                    int n = element.charAt(2) - '0';
                    nanos = digits(n) * (int) Math.pow(10, 9 - n);
                }
            }
        }

        private void expect(char literal) {
            if (at >= text.length() || text.charAt(at) != literal) {
                throw refuse(text, format);
            }
            at++;
        }

        private int digits(int n) {
            if (at + n > text.length()) {
                throw refuse(text, format);
            }
            int value = 0;
            for (int k = 0; k < n; k++) {
                char c = text.charAt(at + k);
                if (c < '0' || c > '9') {
                    throw refuse(text, format);
                }
                value = value * 10 + (c - '0');
            }
            at += n;
            return value;
        }

        private int monthName(TextStyle style) {
            for (java.time.Month m : java.time.Month.values()) {
                String name = m.getDisplayName(style, Locale.ENGLISH);
                if (text.regionMatches(true, at, name, 0, name.length())) {
                    at += name.length();
                    return m.getValue();
                }
            }
            throw refuse(text, format);
        }

        /** {@code A.M.} or {@code P.M.} in the format matches either in the text (ZetaSQL does not parse AM/PM). */
        private boolean meridian() {
            String rest = text.substring(at);
            for (String mark : List.of("A.M.", "P.M.")) {
                if (rest.startsWith(mark)) {
                    at += mark.length();
                    return mark.startsWith("P");
                }
            }
            throw refuse(text, format);
        }

        LocalDate date() {
            try {
                return LocalDate.of(year, month, day == null ? 1 : day);
            } catch (DateTimeException e) {
                throw refuse(text, format);
            }
        }

        LocalTime time() {
            int h = hour != null ? hour : 0;
            if (hour12 != null) {
                if (hour12 < 1 || hour12 > 12) {
                    throw refuse(text, format);
                }
                h = hour12 % 12 + (afternoon ? 12 : 0);
            }
            try {
                return LocalTime.of(h, minute, second, nanos);
            } catch (DateTimeException e) {
                throw refuse(text, format);
            }
        }

        LocalDateTime datetime() {
            return LocalDateTime.of(date(), time());
        }

        ZoneOffset offset() {
            try {
                int sign = offsetSign == '-' ? -1 : 1;
                return ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
            } catch (DateTimeException e) {
                throw refuse(text, format);
            }
        }
    }
}
