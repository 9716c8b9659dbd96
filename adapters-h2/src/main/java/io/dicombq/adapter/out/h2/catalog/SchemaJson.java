package io.dicombq.adapter.out.h2.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table schema as BigQuery's REST API writes {@code schema.fields}: the catalog keeps it verbatim, so names,
 * modes and nesting come back exactly as created instead of being guessed from H2 types.
 */
public final class SchemaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaJson() {
    }

    public static String write(TableSchema schema) {
        try {
            return MAPPER.writeValueAsString(fields(schema.columns()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TableSchema read(String json) {
        try {
            return new TableSchema(columns(MAPPER.readTree(json)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable schema in the warehouse catalog: " + json, e);
        }
    }

    private static ArrayNode fields(List<Column> columns) {
        ArrayNode fields = MAPPER.createArrayNode();
        for (Column column : columns) {
            ObjectNode field = fields.addObject();
            field.put("name", column.name());
            field.put("type", column.type().name());
            field.put("mode", column.mode().name());
            if (column.isRecord()) {
                field.set("fields", fields(column.fields()));
            }
        }
        return fields;
    }

    private static List<Column> columns(JsonNode fields) {
        List<Column> columns = new ArrayList<>();
        for (JsonNode field : fields) {
            List<Column> nested = field.has("fields") ? columns(field.get("fields")) : List.of();
            columns.add(new Column(field.get("name").asText(), ColumnType.valueOf(field.get("type").asText()),
                    Mode.valueOf(field.get("mode").asText()), nested));
        }
        return columns;
    }
}
