package io.dicombq.domain.schema;

import io.dicombq.domain.json.JsonReader;
import io.dicombq.domain.json.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a schema exactly as BigQuery's {@code tables.get} returns {@code schema.fields}: an
 * array of {@code {"name", "type", "mode", "fields"}} objects. {@code mode} is always written (BigQuery
 * returns it for the columns it creates; an absent mode reads as NULLABLE); {@code fields} only for RECORD.
 */
public final class SchemaJson {
    private static final Set<String> KNOWN = Set.of("name", "type", "mode", "fields", "description");

    private SchemaJson() {
    }

    public static String write(TableSchema schema) {
        StringBuilder out = new StringBuilder();
        write(schema.columns(), JsonWriter.compact(out));
        return out.toString();
    }

    public static String writePretty(TableSchema schema) {
        StringBuilder out = new StringBuilder();
        write(schema.columns(), JsonWriter.pretty(out));
        return out.toString();
    }

    public static void write(List<Column> columns, JsonWriter json) {
        json.beginArray();
        for (Column column : columns) {
            json.beginObject()
                    .name("name").value(column.name())
                    .name("type").value(column.type().name())
                    .name("mode").value(column.mode().name());
            if (column.isRecord()) {
                json.name("fields");
                write(column.fields(), json);
            }
            json.endObject();
        }
        json.endArray();
    }

    /**
     * Reads a {@code schema.fields} array (or an object with a {@code fields} member, as in
     * {@code {"fields": [...]}}). {@code STRUCT} is read as RECORD and {@code INT64}/{@code FLOAT64} as
     * INTEGER/FLOAT, the Standard SQL spellings BigQuery also accepts.
     */
    public static TableSchema parse(String json) {
        Object root = JsonReader.parse(json);
        if (root instanceof Map<?, ?> object && object.get("fields") instanceof List<?> fields) {
            root = fields;
        }
        if (!(root instanceof List<?> list)) {
            throw new IllegalArgumentException("a BigQuery schema is a JSON array of fields, or an object with \"fields\"");
        }
        return new TableSchema(columns(list, ""));
    }

    private static List<Column> columns(List<?> list, String path) {
        List<Column> columns = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> field)) {
                throw new IllegalArgumentException("schema field at " + (path.isEmpty() ? "top level" : path)
                        + " is not a JSON object");
            }
            columns.add(column(field, path));
        }
        return columns;
    }

    private static Column column(Map<?, ?> field, String path) {
        if (!(field.get("name") instanceof String name) || name.isEmpty()) {
            throw new IllegalArgumentException("schema field at " + (path.isEmpty() ? "top level" : path)
                    + " has no \"name\"");
        }
        String where = path.isEmpty() ? name : path + "." + name;
        for (Object key : field.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("schema field " + where + " has an unknown member \"" + key + "\"");
            }
        }
        ColumnType type = type(field.get("type"), where);
        Mode mode = field.get("mode") == null ? Mode.NULLABLE : mode(field.get("mode"), where);
        List<Column> fields = field.get("fields") instanceof List<?> nested ? columns(nested, where) : List.of();
        try {
            return new Column(name, type, mode, fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema field " + where + ": " + e.getMessage(), e);
        }
    }

    private static ColumnType type(Object value, String where) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("schema field " + where + " has no \"type\"");
        }
        return switch (text.toUpperCase(java.util.Locale.ROOT)) {
            case "STRUCT" -> ColumnType.RECORD;
            case "INT64" -> ColumnType.INTEGER;
            case "FLOAT64" -> ColumnType.FLOAT;
            case "BOOL" -> ColumnType.BOOLEAN;
            default -> {
                try {
                    yield ColumnType.valueOf(text.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("schema field " + where + " has an unknown type \"" + text + "\"");
                }
            }
        };
    }

    private static Mode mode(Object value, String where) {
        try {
            return Mode.valueOf(String.valueOf(value).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema field " + where + " has an unknown mode \"" + value + "\"");
        }
    }
}
