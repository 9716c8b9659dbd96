package io.dicombq.adapter.out.sql;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dicombq.domain.json.JsonWriter;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON_VALUE, JSON_QUERY and TO_JSON_STRING's string quoting, installed as H2 functions. Text BigQuery would
 * write differently from how the document spells it (numbers such as {@code 1.50} or {@code 1e2}, characters
 * whose escaping BigQuery may choose differently) is an error naming the value, never a guess.
 */
public final class JsonRuntime {
    /** Keeps each number's own digits, so their form can be checked before it is written back. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // Which of two same-named members BigQuery keeps is not reproduced; such input is refused.
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private JsonRuntime() {
    }

    /** JSON_VALUE: the scalar at {@code path} as text; NULL for a missing member, JSON null, an object or an array. */
    public static String jsonValue(byte[] json, String path, Boolean jsonTyped) {
        JsonNode node = find("JSON_VALUE", json, path, Boolean.TRUE.equals(jsonTyped));
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return String.valueOf(node.booleanValue());
        }
        return number("JSON_VALUE", node, path, jsonTyped);
    }

    /**
     * JSON_QUERY: the value at {@code path} as compact JSON, members sorted by name as BigQuery's JSON type keeps
     * them; NULL for a missing member.
     */
    public static String jsonQuery(byte[] json, String path, Boolean jsonTyped) {
        JsonNode node = find("JSON_QUERY", json, path, Boolean.TRUE.equals(jsonTyped));
        // On a STRING, a JSON null is SQL NULL; on a JSON value it stays JSON 'null' (BigQuery docs: JSON_QUERY).
        if (node == null || (node.isNull() && !Boolean.TRUE.equals(jsonTyped))) {
            return null;
        }
        return text("JSON_QUERY", node, path, jsonTyped);
    }

    /** A STRING as a JSON string literal (TO_JSON_STRING); NULL as {@code null}. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        quote("TO_JSON_STRING", text, out);
        return out.toString();
    }

    /** TO_JSON_STRING of ARRAY<INT64>: each element as TO_JSON_STRING writes an INT64, quoted beyond ±2^53. */
    public static String integersText(Long[] values) {
        if (values == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            Long v = values[i];
            String digits = String.valueOf(v);
            boolean exact = v == null || v >= -(1L << 53) && v <= 1L << 53;
            out.append(i > 0 ? "," : "").append(exact ? digits : '"' + digits + '"');
        }
        return out.append(']').toString();
    }

    /** TO_JSON_STRING of ARRAY<BOOL>: true, false, null. */
    public static String booleansText(Boolean[] values) {
        if (values == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i > 0 ? "," : "").append(values[i]);
        }
        return out.append(']').toString();
    }

    /** An ARRAY&lt;STRING&gt; as a JSON array (TO_JSON_STRING); a NULL array as {@code null}. */
    public static String quoteAll(String[] values) {
        if (values == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i > 0 ? "," : "").append(quote(values[i]));
        }
        return out.append(']').toString();
    }

    /**
     * The value at {@code path} in the UTF-8 document {@code json}, or null. The document is streamed: only the value found becomes a tree, but
     * every token is still read, so invalid JSON and duplicate member names are errors wherever they are.
     */
    private static JsonNode find(String function, byte[] json, String path, boolean jsonTyped) {
        if (json == null || path == null) {
            return null;
        }
        return findAtPath(function, json, JsonPath.parse(function, path), jsonTyped);
    }

    /** A value found, as the UTF-8 document the JSON conversions read (its numbers keep their digits). */
    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    /** The value at the end of {@code steps} (String member names, Integer array positions), or null. */
    static JsonNode find(String function, byte[] json, List<Object> steps) {
        return find(function, json, steps, false, false);
    }

    /**
     * The value at a JSONPath's {@code steps}, or null. A position also names an object's member of that name and a
     * member name of digits also a position ({@code $[0]} of {"0": 1} is 1, {@code $.1} of [5, 6] is 6), as ZetaSQL's
     * JSONPath reads them. On a STRING ({@code jsonTyped} false) the text after the value found is not read, as
     * BigQuery stops there (JSON_VALUE('{"hello": "world"', '$.hello') is 'world': BigQuery docs, JSON functions,
     * non-validation of STRING inputs); invalid text before it is refused by name, since the reference answers from
     * such text as far as it reads it and BigQuery's answer is not known.
     */
    static JsonNode findAtPath(String function, byte[] json, List<Object> steps, boolean jsonTyped) {
        return findAtPath(function, json, steps, jsonTyped, false);
    }

    /** As {@link #findAtPath(String, byte[], List, boolean)}; {@code invalidIsNull}: invalid STRING text gives null. */
    static JsonNode findAtPath(String function, byte[] json, List<Object> steps, boolean jsonTyped, boolean invalidIsNull) {
        try {
            return find(function, json, steps, !jsonTyped, true);
        } catch (InvalidValueException e) {
            if (jsonTyped || !e.bigQueryFails()) {
                throw e;
            }
            if (invalidIsNull) {
                return null;
            }
            throw InvalidValueException.unknownAnswer(function + " on a STRING that is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static JsonNode find(String function, byte[] json, List<Object> steps, boolean stopAtValue, boolean pathSteps) {
        if (json == null) {
            return null;
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonNode found = descend(function, parser, steps, pathSteps) ? MAPPER.readTree(parser) : null;
            if (found != null && stopAtValue) {
                return found;
            }
            while (!parser.getParsingContext().inRoot()) {
                parser.nextToken();
            }
            if (parser.nextToken() != null) {
                throw new InvalidValueException(function + ": the input is not valid JSON: more than one value");
            }
            return found;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
            if (why != null && why.startsWith("Duplicate field")) {
                // Whether BigQuery keeps the first or the last of two members of one name is not known here.
                throw InvalidValueException.unknownAnswer(function + " of a document with two members of one name (" + why + ")");
            }
            throw new InvalidValueException(function + ": the input is not valid JSON: " + why);
        }
    }

    /** Moves the parser onto the value at the end of {@code steps}; false if a step does not exist. */
    private static boolean descend(String function, JsonParser parser, List<Object> steps, boolean pathSteps) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new InvalidValueException(function + ": the input is empty, not JSON");
        }
        for (Object given : steps) {
            Object step = pathSteps ? JsonPath.asRead(given, token) : given;
            if (step instanceof Integer) {
                if (token != JsonToken.START_ARRAY) {
                    return false;
                }
                int position = 0;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && position++ < (Integer) step) {
                    parser.skipChildren();
                }
                if (token == JsonToken.END_ARRAY) {
                    return false;
                }
            } else {
                if (token != JsonToken.START_OBJECT) {
                    return false;
                }
                boolean found = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    token = parser.nextToken();
                    if (name.equals(step)) {
                        found = true;
                        break;
                    }
                    parser.skipChildren();
                }
                if (!found) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Compact JSON text of a value as BigQuery writes it (see {@link #write(String, JsonNode, String, boolean, StringBuilder)}). */
    static String text(String function, JsonNode node, String path, boolean jsonTyped) {
        StringBuilder out = new StringBuilder();
        write(function, node, path, jsonTyped, out);
        return out.toString();
    }

    private static void write(String function, JsonNode node, String path, boolean jsonTyped, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            List<Map.Entry<String, JsonNode>> sorted = new ArrayList<>(fields);
            sorted.sort(Map.Entry.comparingByKey());
            if (!jsonTyped && !sorted.equals(fields)) {
                // BigQuery's JSON type keeps members sorted by name; whether it re-sorts a STRING's is not known here.
                throw InvalidValueException.unknownAnswer(function + " of an object at " + path + " in a STRING whose members are"
                        + " out of name order (keep such documents in a JSON column: --schema=json)");
            }
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : sorted) {
                out.append(first ? "" : ",");
                quote(function, field.getKey(), out);
                out.append(':');
                write(function, field.getValue(), path, jsonTyped, out);
                first = false;
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i > 0 ? "," : "");
                write(function, node.get(i), path, jsonTyped, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            quote(function, node.textValue(), out);
        } else if (node.isBoolean() || node.isNull()) {
            out.append(node.asText());
        } else {
            out.append(number(function, node, path, jsonTyped));
        }
    }

    /**
     * A number as BigQuery writes it: integers in INT64/UINT64 range as they are; other numbers only when their
     * digits are the shortest form of the double BigQuery keeps (0.5, -12.25), else an error. A JSON value's
     * trailing zeros do not count (BigQuery stores 1.50 as the double 1.5); a STRING's digits must be exact.
     */
    static String number(String function, JsonNode node, String path, boolean jsonTyped) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.compareTo(INT64_MIN) >= 0 && value.compareTo(UINT64_MAX) <= 0) {
                return value.toString();
            }
        } else if (node.isBigDecimal() || node.isDouble()) {
            BigDecimal value = jsonTyped ? node.decimalValue().stripTrailingZeros() : node.decimalValue();
            double asDouble = value.doubleValue();
            double magnitude = Math.abs(asDouble);
            if (value.scale() > 0 && value.stripTrailingZeros().scale() == value.scale()
                    && magnitude >= 1e-4 && magnitude < 1e15
                    && new BigDecimal(Double.toString(asDouble)).compareTo(value) == 0) {
                return value.toPlainString();
            }
        }
        throw InvalidValueException.unknownAnswer(function + " of the number " + node.asText() + " at " + path
                + " (a form whose BigQuery text the embedded engine cannot reproduce exactly)");
    }

    /** A JSON string literal; characters whose escaping BigQuery may choose differently are refused. */
    private static void quote(String function, String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plainEscape = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 && !plainEscape) || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                throw InvalidValueException.unknownAnswer(function + " of the string \"" + text + "\" holding U+"
                        + String.format("%04X", (int) c) + " (whose JSON escaping the embedded engine does not reproduce)");
            }
        }
        JsonWriter.quote(text, out);
    }

    /**
     * GoogleSQL JSONPath: {@code $}, then {@code .name}, {@code ."quoted name"} and {@code [index]} steps; in the
     * legacy form of JSON_EXTRACT and its family, {@code ['name']} or {@code ["name"]} instead of {@code ."name"}
     * (BigQuery docs: JSON functions, JSONPath format).
     */
    static final class JsonPath {
        private JsonPath() {
        }

        /** The steps: String member names and Integer array indexes. */
        static List<Object> parse(String function, String path) {
            return parse(function, path, false);
        }

        static List<Object> parse(String function, String path, boolean legacy) {
            java.util.ArrayList<Object> steps = new java.util.ArrayList<>();
            if (!path.startsWith("$")) {
                throw bad(function, path, "it must start with $");
            }
            int i = 1;
            while (i < path.length()) {
                char c = path.charAt(i);
                boolean quotedMember = legacy ? c == '[' && i + 1 < path.length() && "'\"".indexOf(path.charAt(i + 1)) >= 0
                        : c == '.' && i + 1 < path.length() && path.charAt(i + 1) == '"';
                if (quotedMember) {
                    char quote = path.charAt(i + 1);
                    int end = path.indexOf(quote, i + 2);
                    int after = legacy ? end + 1 : end;
                    if (end < 0 || (legacy && (after >= path.length() || path.charAt(after) != ']'))) {
                        throw bad(function, path, "a quoted member name is not closed");
                    }
                    steps.add(path.substring(i + 2, end));
                    i = after + 1;
                } else if (c == '.') {
                    int start = ++i;
                    while (i < path.length() && ".[]\"' ".indexOf(path.charAt(i)) < 0) {
                        i++;
                    }
                    if (i == start) {
                        throw bad(function, path, "a member name is missing after '.'");
                    }
                    steps.add(path.substring(start, i));
                } else if (c == '[') {
                    int end = path.indexOf(']', i);
                    String index = end < 0 ? "" : path.substring(i + 1, end).trim();
                    if (legacy && index.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        // the legacy syntax also takes an unquoted member name: $[fruits] is $.fruits (BigQuery docs:
                        // JSON_EXTRACT_ARRAY)
                        steps.add(index);
                        i = end + 1;
                        continue;
                    }
                    if (index.length() > 1 && index.startsWith("0")) {
                        throw InvalidValueException.unknownAnswer("a JSONPath position with a leading zero (" + path + ")");
                    }
                    if (!index.matches("[0-9]{1,9}")) {
                        throw bad(function, path, "only [n] array positions" + (legacy ? " and ['name'] members" : "")
                                + " are supported inside []");
                    }
                    steps.add(Integer.valueOf(index));
                    i = end + 1;
                } else {
                    throw bad(function, path, "unexpected '" + c + "'");
                }
            }
            return steps;
        }

        /**
         * A step as it reads {@code container}: a position names an object's member ("0"), a member name of digits an
         * array's position ("01" too; ten digits or more are past any array).
         */
        static Object asRead(Object step, JsonToken container) {
            if (step instanceof Integer && container == JsonToken.START_OBJECT) {
                return String.valueOf(step);
            }
            if (step instanceof String && container == JsonToken.START_ARRAY && ((String) step).matches("[0-9]{1,9}")) {
                return Integer.valueOf((String) step);
            }
            return step;
        }

        private static RuntimeException bad(String function, String path, String why) {
            return new InvalidValueException(function + ": invalid JSONPath \"" + path + "\": " + why);
        }
    }
}
