package io.dicombq.adapter.out.sql;

import io.dicombq.domain.dicom.NumberStrings;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.application.query.BigQueryText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BigQuery's conversions that H2 does differently, installed as H2 functions in schema {@code __dicombq}:
 * FLOAT64/NUMERIC to text, and STRING to each type with BigQuery's accepted formats. With {@code safe} a bad
 * value gives NULL (SAFE_CAST), otherwise an error naming the value (CAST).
 */
public final class BigQueryFunctions {
    private static final Pattern INT64 = Pattern.compile("([+-]?)(0[xX][0-9a-fA-F]+|[0-9]+)");
    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");
    private static final Pattern TIME = Pattern.compile("([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]{1,6})?");
    private static final Pattern DATETIME = Pattern.compile(
            "([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})(?:[ Tt]([0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\\.[0-9]{1,6})?))?");
    private static final Pattern OFFSET_ZONE = Pattern.compile("(?:UTC)?([+-])([0-9]{1,2})(?::?([0-9]{2}))?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})(?:[ Tt]([0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\\.[0-9]{1,6})?)"
                    + "(?:([Zz])|([+-][0-9:]+)| ([^+\\-\\s]\\S*))?)?");

    private BigQueryFunctions() {
    }

    /**
     * Creates the functions; with {@code replace} (no other process uses the database) re-creates them, so a
     * database file always calls this version's code; a file already stamped with these definitions is left as it is
     * ({@link FunctionAliases}).
     */
    public static void install(Connection connection, boolean replace) {
        FunctionAliases aliases = new FunctionAliases();
        String[][] functions = {
            {"float_string", "floatString"}, {"numeric_string", "numericString"}, {"time_string", "timeString"},
            {"datetime_string", "datetimeString"}, {"timestamp_string", "timestampString"}, {"parse_int64", "parseInt64"},
            {"parse_float64", "parseFloat64"}, {"parse_numeric", "parseNumeric"}, {"parse_bool", "parseBool"},
            {"parse_date", "parseDate"}, {"parse_time", "parseTime"}, {"parse_datetime", "parseDatetime"},
            {"parse_timestamp", "parseTimestamp"}, {"utf8_bytes", "utf8Bytes"}, {"parse_numeric_grouped", "parseNumericGrouped"},
        };
        String[][] scalars = {
            {"substr", "substr"}, {"array_to_string", "arrayToString"}, {"regexp_extract_group", "regexpExtractGroup"},
            {"date_add", "dateAdd"}, {"utc_datetime", "utcDatetime"}, {"format_date", "formatDate"},
            {"parse_date_format", "parseDate"},
        };
        String[][] json = {
            {"json_value", "jsonValue"}, {"json_query", "jsonQuery"}, {"json_quote", "quote"}, {"json_quote_all", "quoteAll"}, {"json_integers_text", "integersText"}, {"json_booleans_text", "booleansText"},
        };
        aliases.add(BigQueryFunctions.class, functions);
        aliases.add(ScalarRuntime.class, scalars);
        aliases.add(JsonRuntime.class, json);
        // Not DETERMINISTIC: H2 would then fold a constant call while planning, failing a query whose CASE or IF
        // never evaluates it (BigQuery evaluates only the branch taken).
        aliases.add(StrictFunctions.class, StrictFunctions.NAMES, "");
        aliases.add(MathRuntime.class, MathRuntime.NAMES, "");
        aliases.add(TextRuntime.class, TextRuntime.NAMES, "");
        aliases.add(StringRuntime.class, StringRuntime.NAMES, "");
        aliases.add(EncodingRuntime.class, EncodingRuntime.NAMES, "");
        aliases.add(NetRuntime.class, NetRuntime.NAMES, "");
        aliases.add(FormatRuntime.class, FormatRuntime.NAMES, "");
        aliases.add(RegexpRuntime.class, RegexpRuntime.NAMES, "");
        aliases.add(BytesFormat.class, BytesFormat.NAMES, "");
        aliases.add(CalendarRuntime.class, CalendarRuntime.NAMES, "");
        aliases.add(BucketRuntime.class, BucketRuntime.NAMES, "");
        aliases.add(JsonLaxRuntime.class, JsonLaxRuntime.NAMES, "");
        aliases.add(JsonArrayRuntime.class, JsonArrayRuntime.NAMES, "");
        aliases.add(VectorRuntime.class, VectorRuntime.NAMES, "");
        aliases.add(DateTimeFormatElements.class, DateTimeFormatElements.NAMES, "");
        aliases.add(NumberFormatElements.class, NumberFormatElements.NAMES, "");
        aliases.add(DateTimeParseElements.class, DateTimeParseElements.NAMES, "");
        aliases.add(AggregateRuntime.class, AggregateRuntime.NAMES, "");
        aliases.add(ApproximateRuntime.class, ApproximateRuntime.NAMES, "");
        aliases.add(TrigonometricRuntime.class, TrigonometricRuntime.NAMES, "");
        aliases.add(IntegerRuntime.class, IntegerRuntime.NAMES, "");
        aliases.add(BigNumericRuntime.class, BigNumericRuntime.NAMES, "");
        aliases.add(IntervalRuntime.class, IntervalRuntime.NAMES, "");
        aliases.add(ArrayRuntime.class, ArrayRuntime.NAMES, "");
        aliases.add(JsonDocumentRuntime.class, JsonDocumentRuntime.NAMES, "");
        aliases.add(JsonBuildRuntime.class, JsonBuildRuntime.NAMES, "");
        aliases.add(JsonMutateRuntime.class, JsonMutateRuntime.NAMES, "");
        aliases.add(TimeRuntime.class, TimeRuntime.NAMES, "");
        aliases.add(ErrorCatchingRuntime.class, ErrorCatchingRuntime.NAMES, "");
        aliases.add(RecursiveRuntime.class, RecursiveRuntime.NAMES, "");
        aliases.add(SafeTimeRuntime.class, SafeRuntime.aliases(SafeTimeRuntime.TWINS), "");
        aliases.add(SafeRuntime.class, SafeRuntime.aliases(), "");
        aliases.add(SafeValueRuntime.class, SafeRuntime.aliases(SafeValueRuntime.TWINS), "");
        aliases.install(connection, replace);
    }

    /** The SQL call of one of the functions. */
    static String call(String function, String... args) {
        return Names.meta(function) + "(" + String.join(", ", args) + ")";
    }

    public static String timeString(LocalTime value) {
        return value == null ? null : BigQueryText.ofTime(value);
    }

    public static String datetimeString(LocalDateTime value) {
        return value == null ? null : BigQueryText.of(value);
    }

    public static String timestampString(OffsetDateTime value) {
        return value == null ? null : BigQueryText.of(value.toInstant());
    }

    public static String floatString(Double value) {
        return value == null ? null : BigQueryText.ofFloat(value);
    }

    public static String numericString(BigDecimal value) {
        return value == null ? null : BigQueryText.ofNumeric(value);
    }

    public static Long parseInt64(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        Matcher m = INT64.matcher(text.trim());
        try {
            if (m.matches()) {
                String digits = m.group(2);
                boolean hex = digits.length() > 1 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X');
                java.math.BigInteger value = hex ? new java.math.BigInteger(digits.substring(2), 16) : new java.math.BigInteger(digits);
                return (m.group(1).equals("-") ? value.negate() : value).longValueExact();
            }
        } catch (ArithmeticException e) {
            // out of INT64 range: bad value below
        }
        return bad("int64", text, safe);
    }

    public static Double parseFloat64(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan":
            case "+nan":
            case "-nan":
                return Double.NaN;
            default:
                break;
        }
        if (NumberStrings.isDecimal(trimmed)) {
            double value = Double.parseDouble(trimmed);
            if (!Double.isInfinite(value)) {
                return value;
            }
        }
        return bad("double", text, safe);
    }

    /**
     * PARSE_NUMERIC: as CAST(… AS NUMERIC), and also commas among the digits before the point, spaces between the sign
     * and the number, and the sign after the number ("  1,2,3.45 -" is -123.45): BigQuery docs, PARSE_NUMERIC; the
     * text is rewritten as ZetaSQL's FilterParseNumericString does, then read as CAST reads it.
     */
    public static BigDecimal parseNumericGrouped(String text) {
        if (text == null) {
            return null;
        }
        String plain = ungrouped(text);
        BigDecimal value = plain == null ? null : parseNumeric(plain, true);
        if (value == null) {
            throw new InvalidValueException("Invalid input to PARSE_NUMERIC: \"" + text + "\"");
        }
        return value;
    }

    /**
     * The text of PARSE_NUMERIC and PARSE_BIGNUMERIC rewritten as ZetaSQL's FilterParseNumericString does, for CAST's
     * reading: the commas dropped and the sign moved to the front; {@code null} when the text has no such form.
     */
    static String ungrouped(String text) {
        StringBuilder out = new StringBuilder(" ");
        int i = 0;
        int n = text.length();
        for (; i < n && (isSign(text.charAt(i)) || isAsciiSpace(text.charAt(i))); i++) {
            if (isSign(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
        boolean integerPart = false;
        boolean digit = false;
        for (; i < n && (isDigit(text.charAt(i)) || text.charAt(i) == ','); i++) {
            integerPart = true;
            if (isDigit(text.charAt(i))) {
                out.append(text.charAt(i));
                digit = true;
            }
        }
        if (!integerPart || digit) {
            if (i < n && text.charAt(i) == '.') {
                out.append(text.charAt(i++));
            }
            for (; i < n && isDigit(text.charAt(i)); i++) {
                out.append(text.charAt(i));
            }
            if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                out.append(text.charAt(i++));
                if (i < n && isSign(text.charAt(i))) {
                    out.append(text.charAt(i++));
                }
                for (; i < n && isDigit(text.charAt(i)); i++) {
                    out.append(text.charAt(i));
                }
            }
            for (; i < n && isAsciiSpace(text.charAt(i)); i++) {
                // spaces before a trailing sign
            }
            if (i < n && isSign(text.charAt(i))) {
                out.setCharAt(0, text.charAt(i++));
            }
            for (; i < n && isAsciiSpace(text.charAt(i)); i++) {
                // trailing spaces
            }
            return i == n ? out.toString() : null;
        }
        return null;
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** absl::ascii_isspace: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    public static BigDecimal parseNumeric(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (NumberStrings.isDecimal(trimmed)) {
            // NUMERIC keeps 9 digits after the point (half away from zero) and 29 before it.
            BigDecimal parsed = new BigDecimal(trimmed);
            int exponent = parsed.precision() - parsed.scale() - 1;
            // decided by the exponent first: rescaling 1e-999999999 would build a power of ten of a billion digits
            if (exponent < -10) {
                return BigDecimal.ZERO.setScale(9);
            }
            BigDecimal value = exponent > 29 ? null : parsed.setScale(9, RoundingMode.HALF_UP);
            if (value != null && value.precision() - value.scale() <= 29) {
                return value;
            }
        }
        return bad("numeric", text, safe);
    }

    public static Boolean parseBool(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        // no surrounding whitespace, unlike numbers (ZetaSQL's reference: ' true' is a bad BOOL, ' 12 ' is 12)
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return lower.equals("true");
        }
        return bad("bool", text, safe);
    }

    public static LocalDate parseDate(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (DateTimeException e) {
            // impossible date: bad value below
        }
        return bad("date", text, safe);
    }

    public static LocalTime parseTime(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        LocalDateTime time = at(LocalDate.EPOCH, text);
        return time != null ? time.toLocalTime() : bad("time", text, safe);
    }

    public static LocalDateTime parseDatetime(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        Matcher m = DATETIME.matcher(text);
        if (m.matches()) {
            LocalDate date = parseDate(m.group(1), true);
            LocalDateTime value = date == null ? null : at(date, m.group(2) == null ? "00:00:00" : m.group(2));
            if (value != null && value.getYear() <= 9999) {
                return value;
            }
        }
        return bad("datetime", text, safe);
    }

    public static OffsetDateTime parseTimestamp(String text, Boolean safe) {
        if (text == null) {
            return null;
        }
        OffsetDateTime timestamp = timestamp(text, null);
        return timestamp != null ? timestamp : bad("timestamp", text, safe);
    }

    /**
     * A timestamp text read in its own zone, else in {@code givenZone}, else in UTC; {@code null} when it is not one.
     * TIMESTAMP(string, zone) may not have both (ZetaSQL: "Timezone is not allowed in …").
     */
    static OffsetDateTime timestamp(String text, ZoneId givenZone) {
        // no surrounding whitespace; a zone is Z or an offset right after the time, or a name after one space
        Matcher m = TIMESTAMP.matcher(text);
        if (m.matches()) {
            LocalDate date = parseDate(m.group(1), true);
            // the seconds are required, as in BigQuery's canonical format ('2008-12-25 12:30' is not a timestamp)
            LocalDateTime local = date == null ? null : at(date, m.group(2) == null ? "00:00:00" : m.group(2));
            String own = m.group(4) != null ? m.group(4) : m.group(5);
            if ((m.group(3) != null || own != null) && givenZone != null) {
                throw new InvalidValueException("Timezone is not allowed in \"" + text + "\"");
            }
            ZoneId zone = m.group(3) != null ? ZoneOffset.UTC : own != null ? zone(own) : givenZone != null ? givenZone : ZoneOffset.UTC;
            OffsetDateTime utc = local == null || zone == null ? null
                    : local.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            // BigQuery's range: 0001-01-01 00:00:00 to 9999-12-31 23:59:59.999999 UTC
            if (utc != null && utc.getYear() >= 1 && utc.getYear() <= 9999) {
                return utc;
            }
        }
        return null;
    }

    public static byte[] utf8Bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The clock time {@code text} on {@code date}; second 60 is the next minute's first, as ZetaSQL's reference reads it. */
    private static LocalDateTime at(LocalDate date, String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int nanos = m.group(4) == null ? 0 : Integer.parseInt((m.group(4).substring(1) + "00000000").substring(0, 9));
        int second = Integer.parseInt(m.group(3));
        boolean leap = second == 60;
        try {
            // the reference drops a leap second's fraction: 10:00:60.5 is 10:01:00
            return date.atTime(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), leap ? 59 : second, leap ? 0 : nanos)
                    .plusSeconds(leap ? 1 : 0);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A time zone as ZetaSQL names it, or {@code null}: an offset {@code [UTC]±H[H][[:]MM]} of at most 14 hours, or
     * a tz database name, case and all ({@code UTC}, {@code America/Los_Angeles}, {@code EST}); {@code utc},
     * {@code Z} and {@code +15} are not zones (as ZetaSQL's reference answers).
     */
    static ZoneId zone(String text) {
        Matcher m = OFFSET_ZONE.matcher(text);
        if (m.matches()) {
            int minutes = Integer.parseInt(m.group(2)) * 60 + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            if (minutes > 14 * 60 || (m.group(3) != null && Integer.parseInt(m.group(3)) > 59)) {
                return null;
            }
            return ZoneOffset.ofTotalSeconds((m.group(1).equals("-") ? -60 : 60) * minutes);
        }
        if (java.time.zone.ZoneRulesProvider.getAvailableZoneIds().contains(text)) {
            return ZoneId.of(text);
        }
        // the tz database's fixed-offset zones that Java keeps only as short ids
        return text.equals("EST") || text.equals("MST") || text.equals("HST") ? ZoneId.of(ZoneId.SHORT_IDS.get(text)) : null;
    }

    private static <T> T bad(String type, String text, Boolean safe) {
        if (Boolean.TRUE.equals(safe)) {
            return null;
        }
        throw new IllegalArgumentException("Bad " + type + " value: " + text);
    }
}
