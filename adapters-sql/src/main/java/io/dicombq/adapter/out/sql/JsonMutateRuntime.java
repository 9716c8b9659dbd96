package io.dicombq.adapter.out.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueNull;

import java.util.List;

/**
 * JSON_SET, JSON_ARRAY_APPEND and JSON_ARRAY_INSERT (BigQuery docs: JSON functions), installed as H2 functions: each
 * (path, value) pair in turn changes the document; a path through a value of another kind changes nothing.
 */
public final class JsonMutateRuntime {
    static final String[][] NAMES = {
        {"json_with", "set"}, {"json_appended", "append"}, {"json_inserted", "insert"},
    };
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonMutateRuntime() {
    }

    /**
     * JSON_SET(json, path, value, …, create_if_missing): the value at each path replaced; a missing member or array
     * position, or a JSON null on the way, is created (objects for members, arrays padded with JSON nulls) when
     * {@code create}; a NULL path changes nothing (as in ZetaSQL's reference implementation).
     */
    public static String set(byte[] json, Boolean create, Value... pairs) {
        if (json == null || create == null) {
            return null;
        }
        JsonNode root = JsonRuntime.find("JSON_SET", json, List.of());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            List<Object> steps = path("JSON_SET", pairs[i]);
            if (steps == null) {
                continue;
            }
            JsonNode value = JsonBuildRuntime.node("JSON_SET", pairs[i + 1]);
            if (steps.isEmpty()) {
                root = value;
                continue;
            }
            if (root.isNull() && create) {
                root = container(steps.get(0));
            }
            JsonNode parent = root;
            for (int s = 0; s < steps.size() - 1 && parent != null; s++) {
                parent = child(parent, steps.get(s), steps.get(s + 1), create);
            }
            if (parent != null) {
                put(parent, steps.get(steps.size() - 1), value, create);
            }
        }
        return JsonRuntime.text("JSON_SET", root, "$", true);
    }

    /** The child at {@code step}, created (of the kind {@code next} needs) when missing and {@code create}. */
    private static JsonNode child(JsonNode parent, Object step, Object next, boolean create) {
        JsonNode existing = step instanceof String ? (parent.isObject() ? parent.get((String) step) : null)
                : (parent.isArray() ? parent.get((Integer) step) : null);
        boolean missing = existing == null || existing.isNull();
        if (!missing || !create || (step instanceof String ? !parent.isObject() : !parent.isArray())) {
            return existing;
        }
        JsonNode made = container(next);
        put(parent, step, made, true);
        return made;
    }

    /** An empty object for a member step, an empty array for a position. */
    private static JsonNode container(Object step) {
        return step instanceof String ? NODES.objectNode() : NODES.arrayNode();
    }

    private static void put(JsonNode parent, Object step, JsonNode value, boolean create) {
        if (step instanceof String && parent.isObject()) {
            if (create || parent.has((String) step)) {
                ((ObjectNode) parent).set((String) step, value);
            }
        } else if (step instanceof Integer && parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            int position = (Integer) step;
            if (position < array.size()) {
                array.set(position, value);
            } else if (create) {
                while (array.size() < position) {
                    array.addNull();
                }
                array.add(value);
            }
        }
    }

    /**
     * JSON_ARRAY_APPEND(json, path, value, …, append_each_element): values added at the end of the array at path (a
     * JSON null there becomes an array); a path to anything else changes nothing.
     */
    public static String append(byte[] json, Boolean eachElement, Value... pairs) {
        return addToArrays("JSON_ARRAY_APPEND", json, eachElement, pairs, false);
    }

    /**
     * JSON_ARRAY_INSERT(json, path, value, …, insert_each_element): values inserted at the array position the path
     * ends with, the array padded with JSON nulls up to it.
     */
    public static String insert(byte[] json, Boolean eachElement, Value... pairs) {
        return addToArrays("JSON_ARRAY_INSERT", json, eachElement, pairs, true);
    }

    private static String addToArrays(String function, byte[] json, Boolean eachElement, Value[] pairs, boolean insert) {
        if (json == null || eachElement == null) {
            return null;
        }
        JsonNode root = JsonRuntime.find(function, json, List.of());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            List<Object> steps = path(function, pairs[i]);
            // a NULL path, or for an insert one that does not end with a position, changes nothing
            if (steps == null || (insert && (steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof Integer)))) {
                continue;
            }
            List<Object> toArray = insert ? steps.subList(0, steps.size() - 1) : steps;
            JsonNode array = JsonBuildRuntime.at(root, toArray);
            if (array != null && array.isNull()) {
                // a JSON null becomes the array the values go into
                array = NODES.arrayNode();
                if (toArray.isEmpty()) {
                    root = array;
                } else {
                    put(JsonBuildRuntime.at(root, toArray.subList(0, toArray.size() - 1)), toArray.get(toArray.size() - 1), array, true);
                }
            }
            if (!(array instanceof ArrayNode)) {
                continue;
            }
            Value value = pairs[i + 1];
            Value[] items = eachElement && value instanceof ValueArray ? ((ValueArray) value).getList() : new Value[] {value};
            int position = insert ? (Integer) steps.get(steps.size() - 1) : array.size();
            while (position > array.size()) {
                ((ArrayNode) array).addNull();
            }
            for (Value item : items) {
                ((ArrayNode) array).insert(position++, JsonBuildRuntime.node(function, item));
            }
        }
        return JsonRuntime.text(function, root, "$", true);
    }

    /** The steps of a path; {@code null} for a NULL path. */
    private static List<Object> path(String function, Value path) {
        return path == ValueNull.INSTANCE ? null : JsonRuntime.JsonPath.parse(function, path.getString());
    }
}
