package io.dicombq.adapter.out.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueNull;
import org.h2.value.ValueRow;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * TO_JSON, JSON_ARRAY, JSON_OBJECT, JSON_KEYS, JSON_STRIP_NULLS and JSON_REMOVE (BigQuery docs: JSON functions),
 * installed as H2 functions over H2 values. Documents are built as trees and written by {@link JsonRuntime}, whose
 * rule holds here too: a number or string whose BigQuery text is not known exactly is an error naming it.
 */
public final class JsonBuildRuntime {
    static final String[][] NAMES = {
        {"json_of", "of"}, {"json_array_of", "arrayOf"}, {"json_object_of", "objectOf"}, {"json_object_of_arrays", "objectOfArrays"}, {"json_key_paths", "keys"},
        {"json_without_nulls", "stripNulls"}, {"json_without", "remove"}, {"json_of_struct", "ofStruct"},
    };
    private static final ObjectMapper SHAPES = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Key names JSON_KEYS writes bare; others it quotes, in a way not reproduced here. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonBuildRuntime() {
    }

    /** TO_JSON of an INT64, FLOAT64, STRING, BOOL, JSON or an array or STRUCT of them; NULL is JSON null. */
    public static String of(Value value) {
        return JsonRuntime.text("TO_JSON", node("TO_JSON", value), "$", true);
    }

    /**
     * A value holding STRUCTs as JSON: a STRUCT is an object of its fields by name (BigQuery docs: TO_JSON). H2 ROW
     * values reach this function without their field names, so {@code shape} gives them, as JSON: {@code null} for
     * any other value, {@code [shape]} for an array, {@code {"name": shape, …}} in field order for a STRUCT.
     */
    public static String ofStruct(Value value, String shape, String function) {
        try {
            return JsonRuntime.text(function, named(function, value, SHAPES.readTree(shape)), "$", true);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a STRUCT shape that is not JSON: " + shape, e);
        }
    }

    private static JsonNode named(String function, Value value, JsonNode shape) {
        if (value == ValueNull.INSTANCE || shape.isNull()) {
            return node(function, value);
        }
        if (shape.isArray()) {
            ArrayNode array = NODES.arrayNode();
            for (Value element : ((ValueArray) value).getList()) {
                array.add(named(function, element, shape.get(0)));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        Value[] fields = ((ValueRow) value).getList();
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> field = it.next();
            object.set(field.getKey(), named(function, fields[i], field.getValue()));
        }
        return object;
    }

    public static String arrayOf(Value... values) {
        ArrayNode array = NODES.arrayNode();
        for (Value value : values) {
            array.add(node("JSON_ARRAY", value));
        }
        return JsonRuntime.text("JSON_ARRAY", array, "$", true);
    }

    /**
     * JSON_OBJECT(keys, values): the two arrays paired, as JSON_OBJECT(key, value, …) pairs them. Values holding
     * STRUCTs arrive as the JSON array {@link #ofStruct} made of them (JSON null for a NULL array).
     */
    public static String objectOfArrays(Value keys, Value values) {
        if (!(keys instanceof ValueArray)) {
            throw new InvalidValueException("Invalid input to JSON_OBJECT: The keys array cannot be NULL");
        }
        JsonNode structs = values.getValueType() == Value.JSON
                ? JsonRuntime.find("JSON_OBJECT", values.getBytesNoCopy(), List.of()) : null;
        if (!(values instanceof ValueArray) && (structs == null || !structs.isArray())) {
            throw new InvalidValueException("Invalid input to JSON_OBJECT: The values array cannot be NULL");
        }
        Value[] k = ((ValueArray) keys).getList();
        int count = structs != null ? structs.size() : ((ValueArray) values).getList().length;
        if (k.length != count) {
            throw new InvalidValueException("Invalid input to JSON_OBJECT: The number of keys and values must match");
        }
        JsonNode[] v = new JsonNode[count];
        for (int i = 0; i < count; i++) {
            requireKey(k[i]);
            v[i] = structs != null ? structs.get(i) : node("JSON_OBJECT", ((ValueArray) values).getList()[i]);
        }
        return object(k, v);
    }

    /** JSON_OBJECT(key, value, …): keys must not be NULL. */
    public static String objectOf(Value... keysAndValues) {
        Value[] keys = new Value[keysAndValues.length / 2];
        JsonNode[] values = new JsonNode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = requireKey(keysAndValues[2 * i]);
            values[i] = node("JSON_OBJECT", keysAndValues[2 * i + 1]);
        }
        return object(keys, values);
    }

    private static Value requireKey(Value key) {
        if (key == ValueNull.INSTANCE) {
            throw new InvalidValueException("Invalid input to JSON_OBJECT: A key cannot be NULL");
        }
        return key;
    }

    private static String object(Value[] keys, JsonNode[] values) {
        ObjectNode object = NODES.objectNode();
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i].getString();
            // A repeated key keeps its first value (BigQuery docs: JSON_OBJECT).
            if (!object.has(key)) {
                object.set(key, values[i]);
            }
        }
        return JsonRuntime.text("JSON_OBJECT", object, "$", true);
    }

    static JsonNode node(String function, Value value) {
        switch (value.getValueType()) {
            case Value.NULL:
                return NODES.nullNode();
            case Value.BIGINT:
                return NODES.numberNode(value.getLong());
            case Value.BOOLEAN:
                return NODES.booleanNode(value.getBoolean());
            case Value.VARCHAR:
                return NODES.textNode(value.getString());
            case Value.DOUBLE: {
                double d = value.getDouble();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw InvalidValueException.unknownAnswer(function + " of the FLOAT64 " + BigQueryFunctions.floatString(d));
                }
                return NODES.numberNode(new BigDecimal(Double.toString(d)));
            }
            case Value.JSON:
                return JsonRuntime.find(function, value.getBytesNoCopy(), List.of());
            case Value.ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Value element : ((ValueArray) value).getList()) {
                    array.add(node(function, element));
                }
                return array;
            }
            default:
                throw new IllegalArgumentException(function + " of " + value.getType());
        }
    }

    /**
     * JSON_KEYS(json, max_depth, mode): the paths of the object members down to {@code maxDepth} levels (NULL: all),
     * sorted; arrays are looked into with mode lax (their direct elements) or lax recursive (nested arrays too).
     */
    public static String[] keys(byte[] json, Long maxDepth, String mode) {
        if (json == null || mode == null) {
            return null;
        }
        if (maxDepth != null && maxDepth <= 0) {
            throw new InvalidValueException("max_depth must be positive");
        }
        String lower = mode.toLowerCase(java.util.Locale.ROOT);
        if (!lower.equals("strict") && !lower.equals("lax") && !lower.equals("lax recursive")) {
            throw new InvalidValueException("Invalid JSON_KEYS mode: " + mode);
        }
        TreeSet<String> paths = new TreeSet<>();
        collect(JsonRuntime.find("JSON_KEYS", json, List.of()), "", 1, maxDepth == null ? Long.MAX_VALUE : maxDepth, lower,
                false, paths);
        return paths.toArray(new String[0]);
    }

    private static void collect(JsonNode node, String prefix, long depth, long maxDepth, String mode, boolean inArray,
                                TreeSet<String> paths) {
        if (node == null || depth > maxDepth) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!PLAIN_KEY.matcher(field.getKey()).matches()) {
                    throw InvalidValueException.unknownAnswer("JSON_KEYS of the key \"" + field.getKey() + "\" (quoted in a way"
                            + " the embedded warehouse does not reproduce)");
                }
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, depth + 1, maxDepth, mode, false, paths);
            }
        } else if (node.isArray() && !mode.equals("strict") && (!inArray || mode.equals("lax recursive"))) {
            for (JsonNode element : node) {
                collect(element, prefix, depth, maxDepth, mode, true, paths);
            }
        }
    }

    /**
     * JSON_STRIP_NULLS(json, path, include_arrays, remove_empty): the value at {@code path} without its JSON nulls
     * (array elements too with include_arrays), and with remove_empty without the objects and arrays left empty; a
     * value left wholly empty becomes JSON null.
     */
    public static String stripNulls(byte[] json, String path, Boolean includeArrays, Boolean removeEmpty) {
        if (json == null || path == null || includeArrays == null || removeEmpty == null) {
            return null;
        }
        List<Object> steps = JsonRuntime.JsonPath.parse("JSON_STRIP_NULLS", path);
        JsonNode root = JsonRuntime.find("JSON_STRIP_NULLS", json, List.of());
        JsonNode target = at(root, steps);
        if (target == null) {
            return JsonRuntime.text("JSON_STRIP_NULLS", root, "$", true);
        }
        boolean empty = strip(target, includeArrays, removeEmpty);
        if (empty && removeEmpty) {
            if (steps.isEmpty()) {
                return "null";
            }
            replace(root, steps, NODES.nullNode());
        }
        return JsonRuntime.text("JSON_STRIP_NULLS", root, "$", true);
    }

    /** Strips in place; whether the container is left empty. */
    private static boolean strip(JsonNode node, boolean includeArrays, boolean removeEmpty) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                JsonNode value = fields.next().getValue();
                if (value.isNull() || (strip(value, includeArrays, removeEmpty) && removeEmpty)) {
                    fields.remove();
                }
            }
            return node.isEmpty();
        }
        if (node.isArray()) {
            Iterator<JsonNode> elements = node.elements();
            while (elements.hasNext()) {
                JsonNode value = elements.next();
                boolean emptied = strip(value, includeArrays, removeEmpty) && removeEmpty;
                if (includeArrays && (value.isNull() || emptied)) {
                    elements.remove();
                }
            }
            // remove_empty removes empty arrays only with include_arrays (BigQuery docs: JSON_STRIP_NULLS)
            return includeArrays && node.isEmpty();
        }
        return false;
    }

    /** JSON_REMOVE(json, path, …): each path's value removed in turn; a path that finds nothing changes nothing. */
    public static String remove(byte[] json, String... paths) {
        if (json == null) {
            return null;
        }
        JsonNode root = JsonRuntime.find("JSON_REMOVE", json, List.of());
        for (String path : paths) {
            if (path == null) {
                // a NULL path removes nothing (ZetaSQL's reference implementation)
                continue;
            }
            List<Object> steps = JsonRuntime.JsonPath.parse("JSON_REMOVE", path);
            if (steps.isEmpty()) {
                throw new InvalidValueException("The JSONPath cannot be '$'");
            }
            JsonNode parent = at(root, steps.subList(0, steps.size() - 1));
            Object last = steps.get(steps.size() - 1);
            if (parent instanceof ObjectNode && last instanceof String) {
                ((ObjectNode) parent).remove((String) last);
            } else if (parent instanceof ArrayNode && last instanceof Integer && (Integer) last < parent.size()) {
                ((ArrayNode) parent).remove((Integer) last);
            }
        }
        return JsonRuntime.text("JSON_REMOVE", root, "$", true);
    }

    static JsonNode at(JsonNode root, List<Object> steps) {
        JsonNode node = root;
        for (Object step : steps) {
            node = node == null ? null : step instanceof Integer ? (node.isArray() ? node.get((Integer) step) : null)
                    : (node.isObject() ? node.get((String) step) : null);
        }
        return node;
    }

    private static void replace(JsonNode root, List<Object> steps, JsonNode value) {
        JsonNode parent = at(root, steps.subList(0, steps.size() - 1));
        Object last = steps.get(steps.size() - 1);
        if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).set((String) last, value);
        } else if (parent instanceof ArrayNode) {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }
}
