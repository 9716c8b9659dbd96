package io.dicombq.adapter.out.sql;

import com.fasterxml.jackson.databind.JsonNode;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueJson;
import org.h2.value.ValueNull;
import org.h2.value.TypeInfo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON field access, JSON_EXTRACT*, the *_ARRAY extractions, JSON_TYPE, PARSE_JSON and the JSON conversions
 * (INT64, FLOAT64, BOOL, STRING of JSON), installed as H2 functions over UTF-8 documents. Values are found and
 * written by {@link JsonRuntime}, so the same rule holds: text BigQuery would write differently from how the
 * document spells it is an error naming the value, never a guess.
 */
public final class JsonDocumentRuntime {
    static final String[][] NAMES = {
        {"json_member", "member"}, {"json_element", "element"}, {"json_extract_at", "extract"},
        {"json_query_elements", "queryArray"}, {"json_value_elements", "valueArray"}, {"json_kind", "type"},
        {"json_parse", "parse"}, {"json_to_int64", "toInt64"}, {"json_to_float64", "toFloat64"}, {"json_to_bool", "toBool"},
        {"json_to_string", "toText"},
    };
    private static final BigDecimal INT64_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal INT64_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal EXACT_DOUBLE_LIMIT = BigDecimal.valueOf(1L << 53);

    private JsonDocumentRuntime() {
    }

    /** {@code json.name} and {@code json['name']}: the member as JSON; NULL when it is missing or not an object. */
    public static String member(byte[] json, String name) {
        if (name == null) {
            return null;
        }
        JsonNode node = JsonRuntime.find("JSON field access", json, List.of(name));
        return node == null ? null : JsonRuntime.text("JSON field access", node, "." + name, true);
    }

    /** {@code json[i]}: the element as JSON; NULL when it is missing or not an array. */
    public static String element(byte[] json, Long position) {
        if (position == null || position < 0 || position > Integer.MAX_VALUE) {
            return null;
        }
        JsonNode node = JsonRuntime.find("JSON subscript", json, List.of((int) (long) position));
        return node == null ? null : JsonRuntime.text("JSON subscript", node, "[" + position + "]", true);
    }

    /**
     * JSON_EXTRACT ({@code scalar} FALSE) and JSON_EXTRACT_SCALAR with a JSONPath in the legacy syntax
     * ({@code $.a}, {@code $['a']}, {@code $[0]}), as JSON_QUERY and JSON_VALUE read the value found.
     */
    public static String extract(byte[] json, String path, Boolean scalar, Boolean jsonTyped) {
        if (json == null || path == null) {
            return null;
        }
        String function = scalar ? "JSON_EXTRACT_SCALAR" : "JSON_EXTRACT";
        JsonNode node = JsonRuntime.findAtPath(function, json, JsonRuntime.JsonPath.parse(function, path, true), jsonTyped);
        if (node == null) {
            return null;
        }
        if (scalar) {
            return scalarText(function, node, path, jsonTyped);
        }
        // On a STRING, a JSON null is SQL NULL (as JSON_QUERY's); on a JSON value it stays JSON 'null'.
        return node.isNull() && !jsonTyped ? null : JsonRuntime.text(function, node, path, jsonTyped);
    }

    /**
     * JSON_QUERY_ARRAY and JSON_EXTRACT_ARRAY ({@code legacy}): the elements of the array at {@code path} as JSON
     * text, or as JSON values when {@code jsonTyped}; NULL when there is no array there.
     */
    public static Value queryArray(byte[] json, String path, Boolean legacy, Boolean jsonTyped) {
        String function = legacy ? "JSON_EXTRACT_ARRAY" : "JSON_QUERY_ARRAY";
        JsonNode node = arrayAt(function, json, path, legacy, jsonTyped);
        if (node == null) {
            return ValueNull.INSTANCE;
        }
        List<Value> elements = new ArrayList<>();
        for (JsonNode item : node) {
            String text = JsonRuntime.text(function, item, path, jsonTyped);
            elements.add(jsonTyped ? ValueJson.fromJson(text.getBytes(StandardCharsets.UTF_8))
                    : org.h2.value.ValueVarchar.get(text));
        }
        return ValueArray.get(jsonTyped ? TypeInfo.TYPE_JSON : TypeInfo.TYPE_VARCHAR, elements.toArray(new Value[0]), null);
    }

    /**
     * JSON_VALUE_ARRAY and JSON_EXTRACT_STRING_ARRAY ({@code legacy}): the scalar elements of the array at
     * {@code path} as text (JSON null as NULL); NULL when there is no array there or an element is an object or array.
     */
    public static String[] valueArray(byte[] json, String path, Boolean legacy, Boolean jsonTyped) {
        String function = legacy ? "JSON_EXTRACT_STRING_ARRAY" : "JSON_VALUE_ARRAY";
        JsonNode node = arrayAt(function, json, path, legacy, jsonTyped);
        if (node == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isContainerNode()) {
                return null;
            }
            values.add(item.isNull() ? null : scalarText(function, item, path, jsonTyped));
        }
        return values.toArray(new String[0]);
    }

    private static JsonNode arrayAt(String function, byte[] json, String path, boolean legacy, boolean jsonTyped) {
        if (json == null || path == null) {
            return null;
        }
        List<Object> steps = JsonRuntime.JsonPath.parse(function, path, legacy);
        // JSON_EXTRACT_ARRAY, JSON_EXTRACT_STRING_ARRAY and JSON_VALUE_ARRAY give NULL for a STRING that is not valid
        // JSON (BigQuery docs: JSON functions, their examples of invalid requests); JSON_QUERY_ARRAY's docs say nothing.
        boolean invalidIsNull = !function.equals("JSON_QUERY_ARRAY");
        JsonNode node = JsonRuntime.findAtPath(function, json, steps, jsonTyped, invalidIsNull);
        return node != null && node.isArray() ? node : null;
    }

    /** A scalar as JSON_VALUE gives it: a string without quotes, true/false, a number's text; NULL otherwise. */
    private static String scalarText(String function, JsonNode node, String path, boolean jsonTyped) {
        if (node.isNull() || node.isContainerNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return String.valueOf(node.booleanValue());
        }
        return JsonRuntime.number(function, node, path, jsonTyped);
    }

    /** JSON_TYPE: object, array, string, number, boolean or null. */
    public static String type(byte[] json) {
        JsonNode node = JsonRuntime.find("JSON_TYPE", json, List.of());
        if (node == null) {
            return null;
        }
        return node.isObject() ? "object" : node.isArray() ? "array" : node.isTextual() ? "string"
                : node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "null";
    }

    /** PARSE_JSON: the document as BigQuery's JSON type keeps it (members by name, numbers as it writes them). */
    public static String parse(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = JsonRuntime.find("PARSE_JSON", text.getBytes(StandardCharsets.UTF_8), List.of());
        return JsonRuntime.text("PARSE_JSON", node, "$", true);
    }

    /** INT64(json): a JSON number with an integral value in INT64's range. */
    public static Long toInt64(byte[] json) {
        JsonNode node = ofKind("INT64", json, JsonNode::isNumber, "an integer");
        if (node == null) {
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0 || value.compareTo(INT64_MIN) < 0
                || value.compareTo(INT64_MAX) > 0) {
            throw new InvalidValueException("The provided JSON number: " + node.asText() + " cannot be converted to an int64");
        }
        return value.longValueExact();
    }

    /**
     * FLOAT64(json, wide_number_mode): a JSON number; with 'exact', an integer past 2^53 is refused by name (which of
     * them BigQuery rejects is not known), with 'round' (the default) it is rounded.
     */
    public static Double toFloat64(byte[] json, String mode) {
        if (mode == null) {
            return null;
        }
        if (!mode.equals("exact") && !mode.equals("round")) {
            throw new InvalidValueException("Invalid wide_number_mode: " + mode);
        }
        JsonNode node = ofKind("FLOAT64", json, JsonNode::isNumber, "a number");
        if (node == null) {
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (mode.equals("exact") && node.isIntegralNumber() && value.abs().compareTo(EXACT_DOUBLE_LIMIT) > 0) {
            // wide_number_mode 'exact' refuses an integer a double does not hold; which ones BigQuery takes is not known.
            throw InvalidValueException.unknownAnswer("FLOAT64 of the JSON integer " + node.asText() + " (beyond 2^53)");
        }
        // A JSON value's other numbers are doubles already (BigQuery docs: JSON encoding).
        return value.doubleValue();
    }

    public static Boolean toBool(byte[] json) {
        JsonNode node = ofKind("BOOL", json, JsonNode::isBoolean, "a boolean");
        return node == null ? null : node.booleanValue();
    }

    public static String toText(byte[] json) {
        JsonNode node = ofKind("STRING", json, JsonNode::isTextual, "a string");
        return node == null ? null : node.textValue();
    }

    /** The document's value, which must be of one kind (ZetaSQL's message otherwise); NULL for SQL NULL. */
    private static JsonNode ofKind(String function, byte[] json, java.util.function.Predicate<JsonNode> kind, String what) {
        JsonNode node = JsonRuntime.find(function, json, List.of());
        if (node != null && !kind.test(node)) {
            throw new InvalidValueException("The provided JSON input is not " + what);
        }
        return node;
    }
}
