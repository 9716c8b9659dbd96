package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Appends one line per row; the rows may use any subset of the schema's columns. The batch is rendered
     * before anything is appended, so a row that does not fit the schema leaves {@code out} untouched. Returns the
     * number of characters appended.
     */
    static int append(TableSchema schema, List<Row> rows, Appendable out) {
        StringBuilder lines = new StringBuilder();
        for (Row row : rows) {
            writeRecord(JsonWriter.compact(lines), schema.columns(), row, "");
            lines.append('\n');
        }
        try {
            out.append(lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines.length();
    }

    private static void writeRecord(JsonWriter json, List<Column> columns, Row row, String prefix) {
        String unknown = withoutColumn(row, columns);
        if (unknown != null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "row value " + prefix + unknown
                    + " has no column in the schema; every value needs a column");
        }
        json.beginObject();
        for (Column column : columns) {
            Object value = row.get(column.name());
            if (value == null) {
                continue;
            }
            String path = prefix + column.name();
            json.name(column.name());
            if (column.isRepeated()) {
                json.beginArray();
                for (Object element : expect(List.class, value, column, path)) {
                    writeValue(json, column, element, path);
                }
                json.endArray();
            } else {
                writeValue(json, column, value, path);
            }
        }
        json.endObject();
    }

    /**
     * The first value name of {@code row} that none of {@code columns} has, or null. Exported rows name their values
     * in column order, so one walk along both usually settles it; otherwise the names are looked up.
     */
    private static String withoutColumn(Row row, List<Column> columns) {
        int next = 0;
        for (String name : row.values().keySet()) {
            while (next < columns.size() && !columns.get(next).name().equals(name)) {
                next++;
            }
            if (next == columns.size()) {
                Set<String> names = new HashSet<>();
                columns.forEach(column -> names.add(column.name()));
                return row.values().keySet().stream().filter(key -> !names.contains(key)).findFirst().orElse(null);
            }
            next++;
        }
        return null;
    }

    private static void writeValue(JsonWriter json, Column column, Object value, String path) {
        switch (column.type()) {
            case RECORD -> writeRecord(json, column.fields(), expect(Row.class, value, column, path), path + ".");
            case STRING, INTERVAL, RANGE -> json.value(expect(String.class, value, column, path));
            case INTEGER -> json.value(expect(Long.class, value, column, path));
            case FLOAT -> writeFloat(json, expect(Double.class, value, column, path));
            case BOOLEAN -> json.value(expect(Boolean.class, value, column, path));
            case NUMERIC, BIGNUMERIC -> json.value(expect(BigDecimal.class, value, column, path).toPlainString());
            case BYTES -> json.value(Base64.getEncoder().encodeToString(expect(byte[].class, value, column, path)));
            case DATE -> json.value(expect(LocalDate.class, value, column, path).toString());
            case TIME -> json.value(TIME.format(expect(LocalTime.class, value, column, path)));
            case DATETIME -> json.value(DATETIME.format(expect(LocalDateTime.class, value, column, path)));
            case TIMESTAMP -> json.value(TIMESTAMP.format(expect(Instant.class, value, column, path)
                    .truncatedTo(ChronoUnit.MICROS)));
            // The document is embedded as JSON, not as a string holding JSON, so it loads as the same value.
            case JSON -> json.rawValue(expect(JsonText.class, value, column, path).json());
        }
    }

    /** The value as the Java type {@link Row} documents for the column's type, or a precise error. */
    private static <T> T expect(Class<T> type, Object value, Column column, String path) {
        if (value == null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "REPEATED column " + path
                    + " holds a NULL element; BigQuery arrays cannot hold NULL");
        }
        if (!type.isInstance(value)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "column " + path + " is " + column.mode() + " "
                    + column.type() + " and needs " + type.getSimpleName() + " values, not "
                    + value.getClass().getSimpleName() + " " + value);
        }
        return type.cast(value);
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
