package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * Writes rows as newline-delimited JSON in the shape a BigQuery load job reads: nested objects for RECORD,
 * arrays for REPEATED, NULL columns left out, civil and timestamp values in BigQuery's canonical text forms.
 */
final class NdjsonRows {
    // BigQuery keeps microseconds; a finer instant would make the load job fail.
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private NdjsonRows() {
    }

    /** Appends one line per row; the rows may use any subset of the schema's columns. */
    static void append(TableSchema schema, List<Row> rows, Appendable out) {
        try {
            for (Row row : rows) {
                JsonWriter json = JsonWriter.compact(out);
                writeRecord(json, schema.columns(), row);
                out.append('\n');
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeRecord(JsonWriter json, List<Column> columns, Row row) {
        json.beginObject();
        for (Column column : columns) {
            Object value = row.get(column.name());
            if (value == null) {
                continue;
            }
            json.name(column.name());
            if (column.isRepeated()) {
                json.beginArray();
                for (Object element : (List<?>) value) {
                    writeValue(json, column, element);
                }
                json.endArray();
            } else {
                writeValue(json, column, value);
            }
        }
        json.endObject();
    }

    private static void writeValue(JsonWriter json, Column column, Object value) {
        switch (column.type()) {
            case RECORD -> writeRecord(json, column.fields(), (Row) value);
            case STRING -> json.value((String) value);
            case INTEGER -> json.value(((Number) value).longValue());
            case FLOAT -> writeFloat(json, ((Number) value).doubleValue());
            case BOOLEAN -> json.value((Boolean) value);
            case NUMERIC -> json.value(((BigDecimal) value).toPlainString());
            case BYTES -> json.value(Base64.getEncoder().encodeToString((byte[]) value));
            case DATE -> json.value(((LocalDate) value).toString());
            case TIME -> json.value(TIME.format((LocalTime) value));
            case DATETIME -> json.value(DATETIME.format((LocalDateTime) value));
            case TIMESTAMP -> json.value(TIMESTAMP.format(((Instant) value).truncatedTo(ChronoUnit.MICROS)));
            // The document is embedded as JSON, not as a string holding JSON, so it loads as the same value.
            case JSON -> json.rawValue(((JsonText) value).json());
        }
    }

    private static void writeFloat(JsonWriter json, double value) {
        if (Double.isFinite(value)) {
            json.value(value);
        } else {
            // BigQuery reads "NaN", "Infinity" and "-Infinity" strings into FLOAT columns.
            json.value(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
