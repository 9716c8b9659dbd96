package io.dicombq.adapter.in.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import io.dicombq.domain.json.JsonWriter;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Prints JSON documents either as indented JSON or as gcloud-style YAML-like text. */
final class Printer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Printer() {
    }

    static void print(PrintWriter out, String json, OutputFormat format) {
        JsonNode node = parse(json);
        if (format == OutputFormat.JSON) {
            try {
                out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            StringBuilder text = new StringBuilder();
            yaml(node, 0, text);
            out.print(text);
        }
        out.flush();
    }

    /** A list of already serialised JSON values, printed as one JSON array in the chosen format. */
    static void printArray(PrintWriter out, List<String> jsonValues, OutputFormat format) {
        print(out, "[" + String.join(",", jsonValues) + "]", format);
    }

    /** What a delete prints: {@code message} as text, or the API's empty answer {@code {}} as JSON. */
    static void printDone(PrintWriter out, String message, OutputFormat format) {
        out.println(format == OutputFormat.JSON ? "{}" : message);
        out.flush();
    }

    /** Names, one per line as text, or a JSON array of strings. */
    static void printNames(PrintWriter out, List<String> names, OutputFormat format) {
        if (format == OutputFormat.JSON) {
            printArray(out, names.stream().map(JsonWriter::quote).toList(), format);
        } else {
            names.forEach(out::println);
            out.flush();
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("dicombq produced invalid JSON: " + e.getMessage(), e);
        }
    }

    private static void yaml(JsonNode node, int indent, StringBuilder out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append("  ".repeat(indent)).append(key(field.getKey())).append(':');
                entry(field.getValue(), indent, out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                out.append("  ".repeat(indent)).append('-');
                entry(item, indent, out);
            }
        }
    }

    private static void entry(JsonNode value, int indent, StringBuilder out) {
        if (value.isContainerNode() && value.size() > 0) {
            out.append('\n');
            yaml(value, indent + 1, out);
        } else if (value.isContainerNode()) {
            out.append(value.isArray() ? " []\n" : " {}\n");
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String key(String key) {
        return key.startsWith("@") ? "'" + key + "'" : key;
    }

    private static String scalar(JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            boolean plain = !text.isEmpty() && text.matches("[A-Za-z_/][A-Za-z0-9_./:@\\- ]*") && !text.endsWith(" ");
            return plain ? text : "'" + text.replace("'", "''") + "'";
        }
        return value.toString();
    }
}
