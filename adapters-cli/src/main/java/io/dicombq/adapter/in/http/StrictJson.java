package io.dicombq.adapter.in.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads request bodies the way Google's APIs do: proto3 JSON, where every field has a lowerCamelCase name and
 * its original snake_case name, and a field the message does not have is an error ("Unknown name").
 */
final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private StrictJson() {
    }

    /** The body as a JSON object; an empty body is an empty object, as for google.protobuf.Empty. */
    static JsonNode object(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("Invalid JSON payload received. " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw invalid("Invalid JSON payload received. " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return MAPPER.createObjectNode();
        }
        if (!root.isObject()) {
            throw invalid("Invalid JSON payload received. Expected an object, found " + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return root;
    }

    /** Rejects fields other than {@code known} (lowerCamelCase names), naming the first unknown one and where it is. */
    static void requireKnownFields(JsonNode object, String at, Set<String> known) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            String name = fields.next().getKey();
            if (!known.contains(camel(name))) {
                throw invalid("Invalid JSON payload received. Unknown name \"" + name + "\""
                        + (at.isEmpty() ? "" : " at '" + at + "'") + ": Cannot find field.");
            }
        }
    }

    /** A field by its lowerCamelCase name, also found under its snake_case name; null when absent or JSON null. */
    static JsonNode field(JsonNode object, String camelName) {
        JsonNode value = object.get(camelName);
        if (value == null) {
            value = object.get(snake(camelName));
        }
        return value == null || value.isNull() ? null : value;
    }

    static String string(JsonNode object, String camelName, String at) {
        JsonNode value = field(object, camelName);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("Invalid value at '" + path(at, camelName) + "' (TYPE_STRING), " + value);
        }
        return value.textValue();
    }

    static Boolean bool(JsonNode object, String camelName, String at) {
        JsonNode value = field(object, camelName);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid("Invalid value at '" + path(at, camelName) + "' (TYPE_BOOL), " + value);
        }
        return value.booleanValue();
    }

    static JsonNode message(JsonNode object, String camelName, String at) {
        JsonNode value = field(object, camelName);
        if (value != null && !value.isObject()) {
            throw invalid("Invalid value at '" + path(at, camelName) + "' (type.googleapis.com message), " + value);
        }
        return value;
    }

    static String path(String at, String camelName) {
        return at.isEmpty() ? snake(camelName) : at + "." + snake(camelName);
    }

    static String camel(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String snake(String camelName) {
        StringBuilder out = new StringBuilder(camelName.length() + 4);
        for (char c : camelName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static DicombqException invalid(String message) {
        return new DicombqException(Code.INVALID_ARGUMENT, message);
    }
}
