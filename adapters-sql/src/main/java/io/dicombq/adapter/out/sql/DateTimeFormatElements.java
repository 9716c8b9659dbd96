package io.dicombq.adapter.out.sql;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * {@code CAST(date | datetime | time | timestamp AS STRING FORMAT '…' [AT TIME ZONE z])} (BigQuery docs: format
 * elements, "Format date and time as string"): year, month, day, hour, minute, second, meridian and time zone elements
 * with case matching, literal punctuation, spaces and "quoted text". An element the value has no part for, or one not listed here, is refused by name.
 */
public final class DateTimeFormatElements {
    static final String[][] NAMES = {
        {"format_date_elements", "formatDate"}, {"format_datetime_elements", "formatDatetime"},
        {"format_time_elements", "formatTime"}, {"format_timestamp_elements", "formatTimestamp"},
    };
    /** Longest first, so that MONTH wins over MON and MI, HH24 over HH. */
    private static final List<String> ELEMENTS = List.of("SSSSS", "MONTH", "HH24", "HH12", "RRRR", "YYYY", "A.M.", "P.M.",
            "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "FF7", "FF8", "FF9", "YYY", "MON", "DAY", "DDD", "RR", "YY", "MM", "DD",
            "DY", "HH", "MI", "SS", "AM", "PM", "TZH", "TZM", "Y", "D");
    private static final String LITERALS = "-./,';: ";

    private DateTimeFormatElements() {
    }

    public static String formatDate(LocalDate value, String format) {
        return value == null || format == null ? null : format(value.atStartOfDay(), null, format, true, false);
    }

    public static String formatDatetime(LocalDateTime value, String format) {
        return value == null || format == null ? null : format(value, null, format, true, true);
    }

    public static String formatTime(LocalTime value, String format) {
        return value == null || format == null ? null : format(LocalDate.EPOCH.atTime(value), null, format, false, true);
    }

    /** A TIMESTAMP's wall clock and offset in {@code zone} (UTC unless the CAST says AT TIME ZONE). */
    public static String formatTimestamp(OffsetDateTime value, String format, String zone) {
        if (value == null || format == null || zone == null) {
            return null;
        }
        LocalDateTime local = TimeRuntime.datetimeOfTimestamp(value, zone);
        ZoneOffset offset = TimeRuntime.zone(zone).getRules().getOffset(value.toInstant());
        return format(local, offset, format, true, true);
    }

    private static String format(LocalDateTime value, ZoneOffset offset, String format, boolean hasDate, boolean hasTime) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (LITERALS.indexOf(c) >= 0) {
                out.append(c);
                i++;
                continue;
            }
            if (c == '"') {
                i = quoted(format, i + 1, out);
                continue;
            }
            String element = format.regionMatches(true, i, "Y,YYY", 0, 5) ? null : element(format, i);
            if (element == null) {
                throw refused("the format element at \"" + format.substring(i) + "\"");
            }
            String written = format.substring(i, i + element.length());
            boolean datePart = "YRMD".indexOf(element.charAt(0)) >= 0 && !element.equals("MI");
            boolean zonePart = element.startsWith("TZ");
            if (zonePart ? offset == null : datePart ? !hasDate : !hasTime) {
                throw refused("the format element " + element + " for a value without that part");
            }
            out.append(zonePart ? zone(element, offset) : part(element, written, value));
            i += element.length();
        }
        return out.toString();
    }

    private static String element(String format, int at) {
        for (String element : ELEMENTS) {
            if (format.regionMatches(true, at, element, 0, element.length())) {
                return element;
            }
        }
        return null;
    }

    /** The text of a quoted literal (\" and \\ are its only escapes); the position after its closing quote. */
    private static int quoted(String format, int at, StringBuilder out) {
        int i = at;
        while (i < format.length() && format.charAt(i) != '"') {
            if (format.charAt(i) == '\\') {
                if (i + 1 >= format.length() || "\"\\".indexOf(format.charAt(i + 1)) < 0) {
                    throw refused("the escape in the quoted text \"" + format.substring(at) + "\"");
                }
                i++;
            }
            out.append(format.charAt(i++));
        }
        if (i >= format.length()) {
            throw refused("the unclosed quoted text \"" + format.substring(at) + "\"");
        }
        return i + 1;
    }

    private static String part(String element, String written, LocalDateTime value) {
        int year = value.getYear();
        int hour12 = value.getHour() % 12 == 0 ? 12 : value.getHour() % 12;
        boolean pm = value.getHour() >= 12;
        switch (element) {
            case "YYYY":
            case "RRRR":
                return String.format("%04d", year);
            case "YYY":
                return String.format("%03d", year % 1000);
            case "YY":
            case "RR":
                return String.format("%02d", year % 100);
            case "Y":
                return String.valueOf(year % 10);
            case "MM":
                return String.format("%02d", value.getMonthValue());
            case "MON":
                return cased(value.getMonth().getDisplayName(TextStyle.SHORT, Locale.US), written);
            case "MONTH":
                return cased(value.getMonth().getDisplayName(TextStyle.FULL, Locale.US), written);
            case "DD":
                return String.format("%02d", value.getDayOfMonth());
            case "DDD":
                return String.format("%03d", value.getDayOfYear());
            case "D":
                return String.valueOf(value.getDayOfWeek().getValue() % 7 + 1);
            case "DAY": {
                // BigQuery's docs pad the name to 9 characters, ZetaSQL's reference does not: only WEDNESDAY is certain
                String day = value.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
                if (day.length() != 9) {
                    throw refused("the format element DAY of a " + day + " (whose padding is not known)");
                }
                return cased(day, written);
            }
            case "DY":
                return cased(value.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US), written);
            case "HH":
            case "HH12":
                return String.format("%02d", hour12);
            case "HH24":
                return String.format("%02d", value.getHour());
            case "MI":
                return String.format("%02d", value.getMinute());
            case "SS":
                return String.format("%02d", value.getSecond());
            case "SSSSS":
                return String.format("%05d", value.toLocalTime().toSecondOfDay());
            case "AM":
            case "PM":
                return meridian(pm ? "PM" : "AM", written);
            case "A.M.":
            case "P.M.":
                return meridian(pm ? "P.M." : "A.M.", written);
            default:
                // FF1 … FF9: the first n digits of the fraction of a second
                int digits = element.charAt(2) - '0';
                return String.format("%09d", value.getNano()).substring(0, digits);
        }
    }

    /** TZH: the offset's sign and two-digit hours; TZM: its two-digit minutes (BigQuery docs: format time zone part). */
    private static String zone(String element, ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return element.equals("TZH") ? (seconds < 0 ? "-" : "+") + String.format("%02d", minutes / 60)
                : String.format("%02d", minutes % 60);
    }

    /** A meridian indicator is lower case after a lower-case first letter, else upper case (ZetaSQL's reference). */
    private static String meridian(String text, String written) {
        return Character.isLowerCase(written.charAt(0)) ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** Case matching: AB… upper case, Ab… capitalised words, a… lower case (BigQuery docs: case matching). */
    private static String cased(String text, String written) {
        char first = written.charAt(0);
        char second = written.length() > 1 ? written.charAt(1) : first;
        if (Character.isLowerCase(first)) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (Character.isUpperCase(second) || !Character.isLetter(second)) {
            return text.toUpperCase(Locale.ROOT);
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1).toLowerCase(Locale.ROOT);
    }

    private static InvalidValueException refused(String what) {
        return InvalidValueException.unknownAnswer("CAST … FORMAT with " + what);
    }
}
