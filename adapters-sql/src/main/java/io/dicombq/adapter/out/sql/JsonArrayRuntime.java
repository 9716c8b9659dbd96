package io.dicombq.adapter.out.sql;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Function;

/**
 * INT64_ARRAY, FLOAT64_ARRAY, BOOL_ARRAY, STRING_ARRAY and their LAX_ forms (BigQuery docs: JSON functions): a JSON
 * array converted element by element with the scalar conversion of the same name ({@link JsonDocumentRuntime},
 * {@link JsonLaxRuntime}). The strict forms fail on anything but an array; the LAX_ forms give NULL for it.
 */
public final class JsonArrayRuntime {
    static final String[][] NAMES = {
        {"json_to_int64_array", "int64Array"}, {"json_to_float64_array", "float64Array"}, {"json_to_bool_array", "boolArray"},
        {"json_to_string_array", "stringArray"}, {"json_lax_int64_array", "laxInt64Array"},
        {"json_lax_float64_array", "laxFloat64Array"}, {"json_lax_bool_array", "laxBoolArray"},
        {"json_lax_string_array", "laxStringArray"},
    };

    private JsonArrayRuntime() {
    }

    public static Long[] int64Array(byte[] json) {
        return strict("INT64_ARRAY", json, JsonDocumentRuntime::toInt64, new Long[0]);
    }

    public static Double[] float64Array(byte[] json, String mode) {
        return strict("FLOAT64_ARRAY", json, element -> JsonDocumentRuntime.toFloat64(element, mode), new Double[0]);
    }

    public static Boolean[] boolArray(byte[] json) {
        return strict("BOOL_ARRAY", json, JsonDocumentRuntime::toBool, new Boolean[0]);
    }

    public static String[] stringArray(byte[] json) {
        return strict("STRING_ARRAY", json, JsonDocumentRuntime::toText, new String[0]);
    }

    public static Long[] laxInt64Array(byte[] json) {
        return lax("LAX_INT64_ARRAY", json, JsonLaxRuntime::laxInt64, new Long[0]);
    }

    public static Double[] laxFloat64Array(byte[] json) {
        return lax("LAX_FLOAT64_ARRAY", json, JsonLaxRuntime::laxFloat64, new Double[0]);
    }

    public static Boolean[] laxBoolArray(byte[] json) {
        return lax("LAX_BOOL_ARRAY", json, JsonLaxRuntime::laxBool, new Boolean[0]);
    }

    public static String[] laxStringArray(byte[] json) {
        return lax("LAX_STRING_ARRAY", json, JsonLaxRuntime::laxString, new String[0]);
    }

    private static <T> T[] strict(String function, byte[] json, Function<byte[], T> element, T[] empty) {
        JsonNode node = JsonRuntime.find(function, json, List.of());
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidValueException("The provided JSON input is not an array");
        }
        return converted(node, element, empty);
    }

    private static <T> T[] lax(String function, byte[] json, Function<byte[], T> element, T[] empty) {
        JsonNode node = JsonRuntime.find(function, json, List.of());
        return node == null || !node.isArray() ? null : converted(node, element, empty);
    }

    private static <T> T[] converted(JsonNode array, Function<byte[], T> element, T[] empty) {
        T[] out = java.util.Arrays.copyOf(empty, array.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = element.apply(JsonRuntime.bytes(array.get(i)));
        }
        return out;
    }
}
