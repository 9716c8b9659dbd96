package io.dicombq.adapter.out.sql;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A FORMAT_* / PARSE_* format string (DATE, TIME, DATETIME, TIMESTAMP) compiled into literal text and format
 * elements. Only the elements below are supported, exactly, each for the types that have it; any other element is
 * refused by name rather than guessed.
 */
record DateFormat(String source, List<DateFormat.Piece> parts) {

    /** A piece of a compiled format: literal text or a format element. */
    sealed interface Piece permits Text, Element, Fraction {
    }

    record Text(String text) implements Piece {
    }

    /** {@code %E<n>S}: seconds with n digits of fraction; {@code %E*S} ({@code digits} -1): as many as it has. */
    record Fraction(int digits) implements Piece {
    }

    /** What an element needs: a date, a time of day, both, an offset (TIMESTAMP only), or nothing. */
    enum Scope {
        DATE, TIME, DATETIME, ZONE, ANY
    }

    /** A value to format: its wall clock and the offset it was read in (UTC but for FORMAT_TIMESTAMP). */
    record Moment(LocalDateTime local, ZoneOffset offset) {
        LocalDate date() {
            return local.toLocalDate();
        }
    }

    /** The supported format elements: what each needs, how FORMAT_* writes it, and whether PARSE_* reads it. */
    enum Element implements Piece {
        YEAR("%Y", Scope.DATE, m -> String.valueOf(m.date().getYear()), true),
        YEAR4("%E4Y", Scope.DATE, m -> pad(m.date().getYear(), 4), true),
        CENTURY("%C", Scope.DATE, m -> pad(m.date().getYear() / 100, 2), false),
        YEAR2("%y", Scope.DATE, m -> pad(m.date().getYear() % 100, 2), true),
        ISO_YEAR("%G", Scope.DATE, m -> String.valueOf(m.date().get(IsoFields.WEEK_BASED_YEAR)), false),
        ISO_YEAR2("%g", Scope.DATE, m -> pad(m.date().get(IsoFields.WEEK_BASED_YEAR) % 100, 2), false),
        MONTH("%m", Scope.DATE, m -> pad(m.date().getMonthValue(), 2), true),
        MONTH_NAME("%B", Scope.DATE, m -> m.date().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), true),
        MONTH_ABBREVIATION("%b", Scope.DATE, m -> m.date().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), true),
        MONTH_ABBREVIATION_H("%h", Scope.DATE, m -> m.date().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), true),
        DAY("%d", Scope.DATE, m -> pad(m.date().getDayOfMonth(), 2), true),
        DAY_SPACE_PADDED("%e", Scope.DATE, m -> (m.date().getDayOfMonth() < 10 ? " " : "") + m.date().getDayOfMonth(), true),
        DAY_OF_YEAR("%j", Scope.DATE, m -> pad(m.date().getDayOfYear(), 3), true),
        WEEKDAY_NAME("%A", Scope.DATE, m -> m.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), true),
        WEEKDAY_ABBREVIATION("%a", Scope.DATE, m -> m.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), true),
        // %u: Monday = 1 … Sunday = 7; %w: Sunday = 0 … Saturday = 6.
        WEEKDAY_MONDAY_1("%u", Scope.DATE, m -> String.valueOf(m.date().getDayOfWeek().getValue()), false),
        WEEKDAY_SUNDAY_0("%w", Scope.DATE, m -> String.valueOf(m.date().getDayOfWeek().getValue() % 7), false),
        // %U / %W: weeks starting Sunday / Monday; days before the year's first such day are week 00.
        WEEK_SUNDAY("%U", Scope.DATE, m -> pad(week(m.date(), DayOfWeek.SUNDAY), 2), false),
        WEEK_MONDAY("%W", Scope.DATE, m -> pad(week(m.date(), DayOfWeek.MONDAY), 2), false),
        ISO_WEEK("%V", Scope.DATE, m -> pad(m.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2), false),
        QUARTER("%Q", Scope.DATE, m -> String.valueOf(m.date().get(IsoFields.QUARTER_OF_YEAR)), false),
        ISO_DATE("%F", Scope.DATE, m -> m.date().getYear() + "-" + pad(m.date().getMonthValue(), 2) + "-" + pad(m.date().getDayOfMonth(), 2), true),
        US_DATE("%D", Scope.DATE, m -> pad(m.date().getMonthValue(), 2) + "/" + pad(m.date().getDayOfMonth(), 2) + "/" + pad(m.date().getYear() % 100, 2), true),
        US_DATE_X("%x", Scope.DATE, m -> pad(m.date().getMonthValue(), 2) + "/" + pad(m.date().getDayOfMonth(), 2) + "/" + pad(m.date().getYear() % 100, 2), true),
        HOUR("%H", Scope.TIME, m -> pad(m.local().getHour(), 2), true),
        HOUR_SPACE_PADDED("%k", Scope.TIME, m -> space(m.local().getHour()), true),
        HOUR12("%I", Scope.TIME, m -> pad(hour12(m), 2), true),
        HOUR12_SPACE_PADDED("%l", Scope.TIME, m -> space(hour12(m)), true),
        MINUTE("%M", Scope.TIME, m -> pad(m.local().getMinute(), 2), true),
        SECOND("%S", Scope.TIME, m -> pad(m.local().getSecond(), 2), true),
        AM_PM("%p", Scope.TIME, m -> m.local().getHour() < 12 ? "AM" : "PM", true),
        AM_PM_LOWER("%P", Scope.TIME, m -> m.local().getHour() < 12 ? "am" : "pm", false),
        HOUR_MINUTE("%R", Scope.TIME, m -> pad(m.local().getHour(), 2) + ":" + pad(m.local().getMinute(), 2), true),
        CLOCK("%T", Scope.TIME, Element::clock, true),
        CLOCK_X("%X", Scope.TIME, Element::clock, true),
        CLOCK12("%r", Scope.TIME, m -> pad(hour12(m), 2) + ":" + pad(m.local().getMinute(), 2) + ":"
                + pad(m.local().getSecond(), 2) + " " + (m.local().getHour() < 12 ? "AM" : "PM"), true),
        // %c: "Thu Dec 25 07:30:05 2008", the year unpadded as %Y writes it
        DATE_AND_TIME("%c", Scope.DATETIME, m -> m.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + m.date().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                + (m.date().getDayOfMonth() < 10 ? " " : "") + m.date().getDayOfMonth() + " " + clock(m) + " " + m.date().getYear(), true),
        EPOCH_SECONDS("%s", Scope.DATETIME, m -> String.valueOf(m.local().toEpochSecond(m.offset())), true),
        // %Z: "UTC", "UTC-8", "UTC+0530" (ZetaSQL writes the offset, not the zone's name)
        ZONE_NAME("%Z", Scope.ZONE, m -> "UTC" + (m.offset().getTotalSeconds() == 0 ? "" : zoneHours(m.offset().getTotalSeconds())), false),
        OFFSET("%z", Scope.ZONE, m -> offset(m.offset().getTotalSeconds(), ""), true),
        OFFSET_COLON("%Ez", Scope.ZONE, m -> offset(m.offset().getTotalSeconds(), ":"), true),
        NEWLINE("%n", Scope.ANY, m -> "\n", true),
        TAB("%t", Scope.ANY, m -> "\t", true),
        PERCENT("%%", Scope.ANY, m -> "%", true);

        final String code;
        final Scope scope;
        final Function<Moment, String> format;
        final boolean parses;

        Element(String code, Scope scope, Function<Moment, String> format, boolean parses) {
            this.code = code;
            this.scope = scope;
            this.format = format;
            this.parses = parses;
        }

        private static String clock(Moment m) {
            return pad(m.local().getHour(), 2) + ":" + pad(m.local().getMinute(), 2) + ":" + pad(m.local().getSecond(), 2);
        }
    }

    /**
     * Compiles {@code format} for {@code function} (FORMAT_DATE, PARSE_TIME, …): an element the function's type does
     * not have (a time element in FORMAT_DATE, an offset in FORMAT_DATETIME), or one the engine does not read or
     * write exactly, is refused by name.
     */
    static DateFormat compile(String function, String format) {
        List<Piece> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean parsing = function.startsWith("PARSE_");
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            Piece piece = fraction(format, i);
            int length = piece != null ? 4 : 0;
            if (piece == null) {
                Element element = element(format, i);
                if (element != null && scopes(function).contains(element.scope) && parsing && !element.parses) {
                    throw Translator.unsupported(function + ": reading the format element " + element.code);
                }
                if (element == null || !scopes(function).contains(element.scope)) {
                    int end = Math.min(format.length(), i + (i + 1 < format.length() && "EO".indexOf(format.charAt(i + 1)) >= 0 ? 3 : 2));
                    throw Translator.unsupported(function + ": the format element " + format.substring(i, end));
                }
                piece = element;
                length = element.code.length();
            } else if (!scopes(function).contains(Scope.TIME) || (parsing && ((Fraction) piece).digits() >= 0)) {
                throw Translator.unsupported(function + ": the format element " + format.substring(i, i + 4));
            }
            if (literal.length() > 0) {
                parts.add(new Text(literal.toString()));
                literal.setLength(0);
            }
            parts.add(piece);
            i += length;
        }
        if (literal.length() > 0) {
            parts.add(new Text(literal.toString()));
        }
        return new DateFormat(format, parts);
    }

    /** The elements each function's type has. */
    private static java.util.Set<Scope> scopes(String function) {
        if (function.endsWith("_DATE")) {
            return java.util.EnumSet.of(Scope.DATE, Scope.ANY);
        }
        if (function.endsWith("_TIME")) {
            return java.util.EnumSet.of(Scope.TIME, Scope.ANY);
        }
        if (function.endsWith("_DATETIME")) {
            return java.util.EnumSet.of(Scope.DATE, Scope.TIME, Scope.DATETIME, Scope.ANY);
        }
        return java.util.EnumSet.allOf(Scope.class);
    }

    private static Element element(String format, int at) {
        for (Element element : Element.values()) {
            if (format.startsWith(element.code, at)) {
                return element;
            }
        }
        return null;
    }

    /** {@code %E*S} or {@code %E0S} … {@code %E9S} at {@code at}, else {@code null}. */
    private static Fraction fraction(String format, int at) {
        if (at + 3 < format.length() && format.startsWith("%E", at) && format.charAt(at + 3) == 'S') {
            char digits = format.charAt(at + 2);
            if (digits == '*') {
                return new Fraction(-1);
            }
            if (digits >= '0' && digits <= '9') {
                return new Fraction(digits - '0');
            }
        }
        return null;
    }

    String format(LocalDate date) {
        return format(date.atStartOfDay(), ZoneOffset.UTC);
    }

    /** The wall clock {@code local}, read in {@code offset} (which %z, %Z and %s write). */
    String format(LocalDateTime local, ZoneOffset offset) {
        Moment moment = new Moment(local, offset);
        StringBuilder out = new StringBuilder();
        for (Piece part : parts) {
            if (part instanceof Element) {
                out.append(((Element) part).format.apply(moment));
            } else if (part instanceof Fraction) {
                out.append(seconds(local, ((Fraction) part).digits()));
            } else {
                out.append(((Text) part).text());
            }
        }
        return out.toString();
    }

    /** Seconds and a fraction of {@code digits} digits, or (-1) of as many as it has, none when whole. */
    private static String seconds(LocalDateTime local, int digits) {
        String nanos = String.format(Locale.ROOT, "%09d", local.getNano());
        String fraction = digits >= 0 ? nanos.substring(0, digits) : nanos.replaceAll("0+$", "");
        return pad(local.getSecond(), 2) + (fraction.isEmpty() ? "" : "." + fraction);
    }

    /**
     * PARSE_DATE: every element must match; whitespace in the format matches any run of whitespace (also none),
     * and the input may have leading and trailing whitespace. Fields not given default to 1970-01-01.
     */
    LocalDate parse(String text) {
        return parseMoment(text, ZoneOffset.UTC).toLocalDate();
    }

    /**
     * PARSE_TIME, PARSE_DATETIME, PARSE_TIMESTAMP: as {@link #parse(String)}, fields not given default to 1970-01-01
     * 00:00:00; the wall clock is read in the text's own offset (%z) or else in {@code zone}.
     */
    OffsetDateTime parseMoment(String text, ZoneId zone) {
        DateParser parser = new DateParser(text);
        for (Piece part : parts) {
            if (part instanceof Element) {
                parser.element((Element) part);
            } else if (part instanceof Fraction) {
                parser.seconds(true);
            } else {
                parser.literal(((Text) part).text());
            }
        }
        return parser.finish(zone);
    }

    private static String pad(int value, int width) {
        String digits = String.valueOf(Math.abs(value));
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    private static String space(int value) {
        return (value < 10 ? " " : "") + value;
    }

    private static int hour12(Moment m) {
        int hour = m.local().getHour() % 12;
        return hour == 0 ? 12 : hour;
    }

    /** {@code -8}, {@code +0530}: the offset after "UTC" in %Z. */
    private static String zoneHours(int seconds) {
        int minutes = Math.abs(seconds) / 60;
        String sign = seconds < 0 ? "-" : "+";
        return minutes % 60 == 0 ? sign + minutes / 60 : sign + pad(minutes / 60, 2) + pad(minutes % 60, 2);
    }

    /** {@code +0530} (%z) or {@code +05:30} (%Ez). */
    private static String offset(int seconds, String separator) {
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + pad(minutes / 60, 2) + separator + pad(minutes % 60, 2);
    }

    private static int week(LocalDate date, DayOfWeek first) {
        int daysSinceFirst = Math.floorMod(date.getDayOfWeek().getValue() - first.getValue(), 7);
        return (date.getDayOfYear() + 6 - daysSinceFirst) / 7;
    }

    /** The state of one PARSE_* call. */
    private static final class DateParser {
        private final String text;
        private int pos;
        private int year = 1970;
        private int month = 1;
        private int day = 1;
        private int hour;
        private int minute;
        private int second;
        private int nanos;
        private boolean twelveHour;
        private boolean afternoon;
        private Integer offsetSeconds;
        private Long epochSeconds;
        private DayOfWeek weekday;
        /**
         * %j: the date is that day of the (final) year, except for a month or a day read after it, which replaces
         * that field (ZetaSQL's reading: '%j %b' of '300 Feb' is February 27).
         */
        private Integer dayOfYear;
        private Integer monthAfterDayOfYear;
        private Integer dayAfterDayOfYear;

        DateParser(String text) {
            this.text = text;
            skipSpace();
        }

        void literal(String literal) {
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (Character.isWhitespace(c)) {
                    skipSpace();
                } else if (pos < text.length() && text.charAt(pos) == c) {
                    pos++;
                } else {
                    throw fail();
                }
            }
        }

        void element(Element element) {
            switch (element) {
                case YEAR:
                    year = number(1, 4);
                    break;
                case YEAR4:
                    year = number(4, 4);
                    break;
                case YEAR2:
                    int twoDigits = number(1, 2);
                    // POSIX: 69-99 are 1969-1999, 00-68 are 2000-2068.
                    year = twoDigits < 69 ? 2000 + twoDigits : 1900 + twoDigits;
                    break;
                case MONTH:
                    month = number(1, 2);
                    monthAfterDayOfYear = month;
                    break;
                case MONTH_NAME:
                case MONTH_ABBREVIATION:
                case MONTH_ABBREVIATION_H:
                    month = name(Month.values().length, m -> Month.of(m + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH)) + 1;
                    monthAfterDayOfYear = month;
                    break;
                case DAY:
                    day = number(1, 2);
                    dayAfterDayOfYear = day;
                    break;
                case DAY_SPACE_PADDED:
                    skipSpace();
                    day = number(1, 2);
                    dayAfterDayOfYear = day;
                    break;
                case DAY_OF_YEAR:
                    dayOfYear = number(1, 3);
                    if (dayOfYear < 1 || dayOfYear > 366) {
                        throw fail();
                    }
                    monthAfterDayOfYear = null;
                    dayAfterDayOfYear = null;
                    break;
                case WEEKDAY_NAME:
                case WEEKDAY_ABBREVIATION:
                    weekday = DayOfWeek.of(name(7, w -> DayOfWeek.of(w + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH)) + 1);
                    break;
                case ISO_DATE:
                    element(Element.YEAR);
                    literal("-");
                    element(Element.MONTH);
                    literal("-");
                    element(Element.DAY);
                    break;
                case US_DATE:
                case US_DATE_X:
                    element(Element.MONTH);
                    literal("/");
                    element(Element.DAY);
                    literal("/");
                    element(Element.YEAR2);
                    break;
                case HOUR:
                    hour = number(1, 2);
                    break;
                case HOUR_SPACE_PADDED:
                    skipSpace();
                    hour = number(1, 2);
                    break;
                case HOUR12:
                case HOUR12_SPACE_PADDED:
                    skipSpace();
                    hour = number(1, 2);
                    twelveHour = true;
                    if (hour < 1 || hour > 12) {
                        throw fail();
                    }
                    break;
                case MINUTE:
                    minute = number(1, 2);
                    break;
                case SECOND:
                    seconds(false);
                    break;
                case AM_PM:
                    afternoon = name(2, i -> i == 0 ? "AM" : "PM") == 1;
                    break;
                case HOUR_MINUTE:
                    element(Element.HOUR);
                    literal(":");
                    element(Element.MINUTE);
                    break;
                case CLOCK:
                case CLOCK_X:
                    element(Element.HOUR_MINUTE);
                    literal(":");
                    element(Element.SECOND);
                    break;
                case CLOCK12:
                    element(Element.HOUR12);
                    literal(":");
                    element(Element.MINUTE);
                    literal(":");
                    element(Element.SECOND);
                    literal(" ");
                    element(Element.AM_PM);
                    break;
                case DATE_AND_TIME:
                    element(Element.WEEKDAY_ABBREVIATION);
                    literal(" ");
                    element(Element.MONTH_ABBREVIATION);
                    literal(" ");
                    element(Element.DAY_SPACE_PADDED);
                    literal(" ");
                    element(Element.CLOCK);
                    literal(" ");
                    element(Element.YEAR);
                    break;
                case EPOCH_SECONDS:
                    epochSeconds = signedNumber();
                    break;
                case OFFSET:
                case OFFSET_COLON:
                    offsetSeconds = offset(element == Element.OFFSET_COLON);
                    break;
                case NEWLINE:
                case TAB:
                    skipSpace();
                    break;
                case PERCENT:
                    literal("%");
                    break;
                default:
                    throw new IllegalStateException("not a parsing element: " + element);
            }
        }

        /** %S, or with {@code fraction} %E*S: seconds 0-60, then up to 6 digits of fraction (finer is refused). */
        void seconds(boolean fraction) {
            second = number(1, 2);
            nanos = 0;
            if (fraction && pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                String digits = text.substring(start, pos);
                if (digits.isEmpty()) {
                    throw fail();
                }
                if (digits.length() > 6) {
                    throw InvalidValueException.unknownAnswer("\"" + text + "\": fractions of a second finer than"
                            + " microseconds");
                }
                nanos = Integer.parseInt((digits + "000000000").substring(0, 9));
            }
        }

        OffsetDateTime finish(ZoneId zone) {
            skipSpace();
            if (pos != text.length()) {
                throw fail();
            }
            if (second > 60) {
                throw fail();
            }
            if (epochSeconds != null) {
                try {
                    return java.time.Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC);
                } catch (java.time.DateTimeException e) {
                    throw fail();
                }
            }
            if (dayOfYear != null) {
                if (dayOfYear == 366 && !java.time.Year.isLeap(year)) {
                    throw new InvalidValueException("Year " + year + " has 365 days, but the specified day of year was 366");
                }
                LocalDate date = LocalDate.ofYearDay(year, dayOfYear);
                month = monthAfterDayOfYear != null ? monthAfterDayOfYear : date.getMonthValue();
                day = dayAfterDayOfYear != null ? dayAfterDayOfYear : date.getDayOfMonth();
                // ZetaSQL does not hold the date named by %j to a weekday read with %a / %A
                weekday = null;
            }
            LocalDateTime local;
            try {
                int clockHour = twelveHour ? hour % 12 + (afternoon ? 12 : 0) : hour;
                // a leap second (60) is the first second of the next minute, as in ZetaSQL
                local = LocalDateTime.of(year, month, day, clockHour, minute, Math.min(second, 59), nanos).plusSeconds(second / 60);
            } catch (java.time.DateTimeException e) {
                throw fail();
            }
            if (weekday != null && local.getDayOfWeek() != weekday) {
                throw new InvalidValueException("PARSE_DATE: \"" + text + "\" names " + weekday + " but " + local.toLocalDate()
                        + " is a " + local.getDayOfWeek());
            }
            return offsetSeconds != null ? local.atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds))
                    : local.atZone(zone).toOffsetDateTime();
        }

        private int number(int minDigits, int maxDigits) {
            int start = pos;
            while (pos < text.length() && pos - start < maxDigits && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos - start < minDigits) {
                throw fail();
            }
            return Integer.parseInt(text.substring(start, pos));
        }

        private long signedNumber() {
            int start = pos;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && pos - digits < 18 && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == digits) {
                throw fail();
            }
            return Long.parseLong(text.substring(start, pos).replace("+", ""));
        }

        /** {@code +hh} or {@code +hhmm} (%z), {@code +hh:mm} (%Ez), up to 24 hours. */
        private int offset(boolean colon) {
            if (pos >= text.length() || (text.charAt(pos) != '+' && text.charAt(pos) != '-')) {
                throw fail();
            }
            int sign = text.charAt(pos++) == '-' ? -1 : 1;
            int hours = number(2, 2);
            int minutes = 0;
            if (colon && pos < text.length() && text.charAt(pos) == ':') {
                pos++;
                minutes = number(2, 2);
            } else if (!colon && pos + 1 < text.length() && Character.isDigit(text.charAt(pos))) {
                minutes = number(2, 2);
            }
            if (hours > 24 || minutes > 59) {
                throw fail();
            }
            return sign * (hours * 3600 + minutes * 60);
        }

        /** A full or three-letter English name, any case; returns its index. */
        private int name(int count, java.util.function.IntFunction<String> names) {
            for (int i = 0; i < count; i++) {
                String full = names.apply(i);
                for (String candidate : new String[] {full, full.substring(0, Math.min(3, full.length()))}) {
                    if (text.regionMatches(true, pos, candidate, 0, candidate.length())) {
                        pos += candidate.length();
                        return i;
                    }
                }
            }
            throw fail();
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private InvalidValueException fail() {
            return new InvalidValueException("Failed to parse input string \"" + text + "\"");
        }
    }
}
