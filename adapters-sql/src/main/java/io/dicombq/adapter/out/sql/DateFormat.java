package io.dicombq.adapter.out.sql;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A FORMAT_DATE / PARSE_DATE format string compiled into literal text and format elements. Only the date
 * elements below are supported, exactly; any other element is refused by name rather than guessed.
 */
record DateFormat(String source, List<DateFormat.Piece> parts) {

    /** A piece of a compiled format: literal text or a format element. */
    sealed interface Piece permits Text, Element {
    }

    record Text(String text) implements Piece {
    }

    /** The supported format elements: how FORMAT_DATE writes each, and whether PARSE_DATE reads it. */
    enum Element implements Piece {
        YEAR("%Y", d -> String.valueOf(d.getYear()), true),
        YEAR4("%E4Y", d -> pad(d.getYear(), 4), true),
        CENTURY("%C", d -> pad(d.getYear() / 100, 2), false),
        YEAR2("%y", d -> pad(d.getYear() % 100, 2), true),
        ISO_YEAR("%G", d -> String.valueOf(d.get(IsoFields.WEEK_BASED_YEAR)), false),
        ISO_YEAR2("%g", d -> pad(d.get(IsoFields.WEEK_BASED_YEAR) % 100, 2), false),
        MONTH("%m", d -> pad(d.getMonthValue(), 2), true),
        MONTH_NAME("%B", d -> d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), true),
        MONTH_ABBREVIATION("%b", d -> d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), true),
        MONTH_ABBREVIATION_H("%h", d -> d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), true),
        DAY("%d", d -> pad(d.getDayOfMonth(), 2), true),
        DAY_SPACE_PADDED("%e", d -> (d.getDayOfMonth() < 10 ? " " : "") + d.getDayOfMonth(), true),
        DAY_OF_YEAR("%j", d -> pad(d.getDayOfYear(), 3), false),
        WEEKDAY_NAME("%A", d -> d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), true),
        WEEKDAY_ABBREVIATION("%a", d -> d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), true),
        // %u: Monday = 1 … Sunday = 7; %w: Sunday = 0 … Saturday = 6.
        WEEKDAY_MONDAY_1("%u", d -> String.valueOf(d.getDayOfWeek().getValue()), false),
        WEEKDAY_SUNDAY_0("%w", d -> String.valueOf(d.getDayOfWeek().getValue() % 7), false),
        // %U / %W: weeks starting Sunday / Monday; days before the year's first such day are week 00.
        WEEK_SUNDAY("%U", d -> pad(week(d, DayOfWeek.SUNDAY), 2), false),
        WEEK_MONDAY("%W", d -> pad(week(d, DayOfWeek.MONDAY), 2), false),
        ISO_WEEK("%V", d -> pad(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2), false),
        QUARTER("%Q", d -> String.valueOf(d.get(IsoFields.QUARTER_OF_YEAR)), false),
        ISO_DATE("%F", d -> d.getYear() + "-" + pad(d.getMonthValue(), 2) + "-" + pad(d.getDayOfMonth(), 2), true),
        US_DATE("%D", d -> pad(d.getMonthValue(), 2) + "/" + pad(d.getDayOfMonth(), 2) + "/" + pad(d.getYear() % 100, 2), true),
        US_DATE_X("%x", d -> pad(d.getMonthValue(), 2) + "/" + pad(d.getDayOfMonth(), 2) + "/" + pad(d.getYear() % 100, 2), true),
        NEWLINE("%n", d -> "\n", true),
        TAB("%t", d -> "\t", true),
        PERCENT("%%", d -> "%", true);

        final String code;
        final Function<LocalDate, String> format;
        final boolean parses;

        Element(String code, Function<LocalDate, String> format, boolean parses) {
            this.code = code;
            this.format = format;
            this.parses = parses;
        }
    }

    /** Compiles {@code format} for {@code function}; unknown or unsupported elements are INVALID_ARGUMENT. */
    static DateFormat compile(String function, String format) {
        List<Piece> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            Element element = element(format, i);
            if (element == null) {
                int end = Math.min(format.length(), i + (i + 1 < format.length() && "EO".indexOf(format.charAt(i + 1)) >= 0 ? 3 : 2));
                throw Translator.invalid(function + ": the format element " + format.substring(i, end)
                        + " is not supported by the embedded engine (see docs/sql.md for the supported elements)");
            }
            if (function.equals("PARSE_DATE") && !element.parses) {
                throw Translator.invalid("PARSE_DATE: the format element " + element.code + " is not supported for parsing by the embedded engine");
            }
            if (literal.length() > 0) {
                parts.add(new Text(literal.toString()));
                literal.setLength(0);
            }
            parts.add(element);
            i += element.code.length();
        }
        if (literal.length() > 0) {
            parts.add(new Text(literal.toString()));
        }
        return new DateFormat(format, parts);
    }

    private static Element element(String format, int at) {
        for (Element element : Element.values()) {
            if (format.startsWith(element.code, at)) {
                return element;
            }
        }
        return null;
    }

    String format(LocalDate date) {
        StringBuilder out = new StringBuilder();
        for (Piece part : parts) {
            out.append(part instanceof Element ? ((Element) part).format.apply(date) : ((Text) part).text());
        }
        return out.toString();
    }

    /**
     * PARSE_DATE: every element must match; whitespace in the format matches any run of whitespace (also none),
     * and the input may have leading and trailing whitespace. Fields not given default to 1970-01-01.
     */
    LocalDate parse(String text) {
        DateParser parser = new DateParser(text);
        for (Piece part : parts) {
            if (part instanceof Element) {
                parser.element((Element) part);
            } else {
                parser.literal(((Text) part).text());
            }
        }
        return parser.finish();
    }

    private static String pad(int value, int width) {
        String digits = String.valueOf(Math.abs(value));
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    private static int week(LocalDate date, DayOfWeek first) {
        int daysSinceFirst = Math.floorMod(date.getDayOfWeek().getValue() - first.getValue(), 7);
        return (date.getDayOfYear() + 6 - daysSinceFirst) / 7;
    }

    /** The state of one PARSE_DATE call. */
    private static final class DateParser {
        private final String text;
        private int pos;
        private int year = 1970;
        private int month = 1;
        private int day = 1;
        private DayOfWeek weekday;

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
                    break;
                case MONTH_NAME:
                case MONTH_ABBREVIATION:
                case MONTH_ABBREVIATION_H:
                    month = name(Month.values().length, m -> Month.of(m + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH)) + 1;
                    break;
                case DAY:
                    day = number(1, 2);
                    break;
                case DAY_SPACE_PADDED:
                    skipSpace();
                    day = number(1, 2);
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

        LocalDate finish() {
            skipSpace();
            if (pos != text.length()) {
                throw fail();
            }
            LocalDate date;
            try {
                date = LocalDate.of(year, month, day);
            } catch (java.time.DateTimeException e) {
                throw fail();
            }
            if (weekday != null && date.getDayOfWeek() != weekday) {
                throw new InvalidValueException("PARSE_DATE: \"" + text + "\" names " + weekday + " but " + date
                        + " is a " + date.getDayOfWeek());
            }
            return date;
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

        /** A full or three-letter English name, any case; returns its index. */
        private int name(int count, java.util.function.IntFunction<String> names) {
            for (int i = 0; i < count; i++) {
                String full = names.apply(i);
                for (String candidate : new String[] {full, full.substring(0, 3)}) {
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
