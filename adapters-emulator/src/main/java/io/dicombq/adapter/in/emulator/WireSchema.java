package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.SchemaLimits;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code schema.fields} on the wire: legacy type names (INTEGER, FLOAT, RECORD), mode left out when NULLABLE. */
final class WireSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireSchema() {
    }

    static ObjectNode toJson(TableSchema schema) {
        ObjectNode json = NODES.objectNode();
        json.set("fields", fields(schema.columns()));
        return json;
    }

    private static ArrayNode fields(List<Column> columns) {
        ArrayNode fields = NODES.arrayNode();
        for (Column column : columns) {
            ObjectNode field = fields.addObject();
            field.put("name", column.name());
            field.put("type", column.type().name());
            if (column.mode() != Mode.NULLABLE) {
                field.put("mode", column.mode().name());
            }
            if (column.isRecord()) {
                field.set("fields", fields(column.fields()));
            }
            if (column.type() == ColumnType.RANGE) {
                // BigQuery REST reference: TableFieldSchema.rangeElementType
                field.putObject("rangeElementType").put("type", column.rangeElement().name());
            }
        }
        return fields;
    }

    /** Reads {@code {"fields":[…]}}; null when the node is missing. */
    static TableSchema fromJson(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            return null;
        }
        TableSchema read = new TableSchema(columns(schema.path("fields"), "schema"));
        // specification 3.8: BigQuery refuses a table past its schema limits as an invalid request
        SchemaLimits.violation(read).ifPresent(limit -> {
            throw WireValues.invalid(limit);
        });
        return read;
    }

    private static List<Column> columns(JsonNode fields, String where) {
        if (!fields.isArray()) {
            throw WireValues.invalid(where + ".fields must be an array");
        }
        List<Column> columns = new ArrayList<>(fields.size());
        for (JsonNode field : fields) {
            columns.add(column(field, where));
        }
        return columns;
    }

    private static Column column(JsonNode field, String where) {
        String name = field.path("name").asText("");
        if (name.isEmpty()) {
            throw WireValues.invalid(where + ": every field needs a name");
        }
        ColumnType type = type(field.path("type").asText(""), where + "." + name);
        Mode mode = mode(field.path("mode").asText("NULLABLE"), where + "." + name);
        try {
            if (type == ColumnType.RECORD) {
                return Column.record(name, mode, columns(field.path("fields"), where + "." + name));
            }
            if (type == ColumnType.RANGE) {
                // read so that the warehouse refuses the field by name (INVALID_ARGUMENT), as it does a RANGE column
                String element = field.path("rangeElementType").path("type").asText("");
                return Column.range(name, element.isEmpty() ? null : type(element, where + "." + name + ".rangeElementType"), mode);
            }
            return Column.of(name, type, mode);
        } catch (IllegalArgumentException e) {
            throw WireValues.invalid(where + "." + name + ": " + e.getMessage());
        }
    }

    static ColumnType type(String name, String where) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "STRING" -> ColumnType.STRING;
            case "BYTES" -> ColumnType.BYTES;
            case "INTEGER", "INT64" -> ColumnType.INTEGER;
            case "FLOAT", "FLOAT64" -> ColumnType.FLOAT;
            case "NUMERIC" -> ColumnType.NUMERIC;
            case "BIGNUMERIC" -> ColumnType.BIGNUMERIC;
            case "BOOLEAN", "BOOL" -> ColumnType.BOOLEAN;
            case "DATE" -> ColumnType.DATE;
            case "TIME" -> ColumnType.TIME;
            case "DATETIME" -> ColumnType.DATETIME;
            case "TIMESTAMP" -> ColumnType.TIMESTAMP;
            case "RECORD", "STRUCT" -> ColumnType.RECORD;
            case "JSON" -> ColumnType.JSON;
            case "RANGE" -> ColumnType.RANGE;
            case "" -> throw WireValues.invalid(where + ": the field has no type");
            default -> throw new DicombqException(Code.UNIMPLEMENTED, where + ": type " + name
                    + " is not supported by the dicombq BigQuery emulator");
        };
    }

    private static Mode mode(String name, String where) {
        try {
            return Mode.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WireValues.invalid(where + ": unknown mode " + name + " (NULLABLE, REQUIRED or REPEATED)");
        }
    }
}
