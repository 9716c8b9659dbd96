package io.dicombq.domain.schema;

import io.dicombq.domain.json.JsonWriter;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON of a row, for comparing rows and showing them: an object per row and record,
 * NULL values and empty arrays left out (BigQuery does not tell them apart from absent ones), INTEGER
 * and NUMERIC as strings (as the BigQuery REST API returns int64), FLOAT as numbers (NaN and infinities
 * as strings), other scalars in their {@link ValueText} form, BYTES in base64.
 */
public final class RowJson {
    private RowJson() {
    }

    public static String write(Row row) {
        StringBuilder out = new StringBuilder();
        write(row, JsonWriter.compact(out));
        return out.toString();
    }

    public static String writePretty(Row row) {
        StringBuilder out = new StringBuilder();
        write(row, JsonWriter.pretty(out));
        return out.toString();
    }

    public static void write(Row row, JsonWriter json) {
        json.beginObject();
        for (Map.Entry<String, Object> entry : row.values().entrySet()) {
            Object value = entry.getValue();
            if (value == null || (value instanceof List<?> list && list.isEmpty())) {
                continue;
            }
            json.name(entry.getKey());
            value(value, json);
        }
        json.endObject();
    }

    private static void value(Object value, JsonWriter json) {
        if (value instanceof Row record) {
            write(record, json);
        } else if (value instanceof List<?> list) {
            json.beginArray();
            for (Object item : list) {
                value(item, json);
            }
            json.endArray();
        } else if (value instanceof Double number && Double.isFinite(number)) {
            json.value((double) number);
        } else if (value instanceof Boolean flag) {
            json.value((boolean) flag);
        } else if (value instanceof byte[] bytes) {
            json.value(Base64.getEncoder().encodeToString(bytes));
        } else {
            json.value(ValueText.of(value));
        }
    }
}
