package io.dicombq.adapter.out.sql;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * LAX_BOOL, LAX_INT64, LAX_FLOAT64 and LAX_STRING (BigQuery docs: JSON functions; ZetaSQL's json.cc): a JSON value
 * converted where it can be, NULL where it cannot. A JSON number is an INT64 or UINT64 when it is an integer in
 * their range, else a FLOAT64, as BigQuery's JSON type keeps it.
 */
public final class JsonLaxRuntime {
    static final String[][] NAMES = {
        {"json_lax_bool", "laxBool"}, {"json_lax_int64", "laxInt64"}, {"json_lax_float64", "laxFloat64"},
        {"json_lax_string", "laxString"},
    };
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** What BIGNUMERIC reads; other text (spaces, hex) is refused rather than guessed. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private JsonLaxRuntime() {
    }

    public static Boolean laxBool(byte[] json) {
        JsonNode node = JsonRuntime.find("LAX_BOOL", json, List.of());
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().signum() != 0;
        }
        return node.isTextual() ? BigQueryFunctions.parseBool(node.textValue(), true) : null;
    }

    /** Booleans as 1 and 0, numbers and numeric strings rounded half away from zero; NULL out of range. */
    public static Long laxInt64(byte[] json) {
        JsonNode node = JsonRuntime.find("LAX_INT64", json, List.of());
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 1L : 0L;
        }
        if (node.isNumber()) {
            return integer(node) != null ? integer(node) : StrictFunctions.castInt64(asDouble(node), true);
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.textValue();
        if (!DECIMAL.matcher(text).matches()) {
            if (text.strip().equals(text)) {
                return null;
            }
            throw InvalidValueException.unknownAnswer("LAX_INT64 of the JSON string \"" + text + "\" (with spaces)");
        }
        BigDecimal value = new BigDecimal(text).setScale(0, RoundingMode.HALF_UP);
        return value.toBigInteger().bitLength() < Long.SIZE ? value.longValueExact() : null;
    }

    /** Numbers as FLOAT64, strings as CAST(… AS FLOAT64) reads them; NULL for booleans and the rest. */
    public static Double laxFloat64(byte[] json) {
        JsonNode node = JsonRuntime.find("LAX_FLOAT64", json, List.of());
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return integer(node) != null ? (double) integer(node) : asDouble(node);
        }
        if (!node.isTextual()) {
            return null;
        }
        Double value = BigQueryFunctions.parseFloat64(node.textValue(), true);
        // a decimal past FLOAT64's range is an infinity here (ZetaSQL's StringToNumeric), not NULL
        return value == null && DECIMAL.matcher(node.textValue()).matches() ? Double.valueOf(node.textValue()) : value;
    }

    /** Strings as they are, booleans and numbers as CAST(… AS STRING) writes them. */
    public static String laxString(byte[] json) {
        JsonNode node = JsonRuntime.find("LAX_STRING", json, List.of());
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return String.valueOf(node.booleanValue());
        }
        if (node.isNumber()) {
            return integer(node) != null || isUint64(node) ? node.bigIntegerValue().toString() : BigQueryFunctions.floatString(asDouble(node));
        }
        return null;
    }

    /** The number as an INT64, when BigQuery keeps it as one. */
    private static Long integer(JsonNode node) {
        if (!node.isIntegralNumber()) {
            return null;
        }
        BigInteger value = node.bigIntegerValue();
        return value.bitLength() < Long.SIZE ? value.longValue() : null;
    }

    private static boolean isUint64(JsonNode node) {
        return node.isIntegralNumber() && node.bigIntegerValue().signum() > 0 && node.bigIntegerValue().compareTo(UINT64_MAX) <= 0;
    }

    private static double asDouble(JsonNode node) {
        return node.decimalValue().doubleValue();
    }
}
