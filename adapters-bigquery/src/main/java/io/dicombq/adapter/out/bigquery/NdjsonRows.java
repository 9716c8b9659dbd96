package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.json.Utf8Buffer;
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
     * Appends one line per row, as UTF-8; the rows may use any subset of the schema's columns. A row that does not fit
     * the schema leaves {@code out} as it was before the batch (what the batch had appended is dropped). Returns the
     * number of bytes appended.
     */
    static int append(TableSchema schema, List<Row> rows, Utf8Buffer out) {
        int before = out.length();
        try {
            JsonWriter json = JsonWriter.compact(out);
            for (Row row : rows) {
                writeRecord(json, schema.columns(), row, "");
                out.newline();
            }
        } catch (RuntimeException e) {
            out.truncate(before);
            throw e;
        }
        return out.length() - before;
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
            json.name(column.name());
            if (column.isRepeated()) {
                json.beginArray();
                if (!(value instanceof List<?> elements)) {
                    throw mismatch(List.class, value, column, prefix);
                }
                for (Object element : elements) {
                    writeValue(json, column, element, prefix);
                }
                json.endArray();
            } else {
                writeValue(json, column, value, prefix);
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

    /**
     * Writes one value of {@code column}; {@code prefix} is the path of the record holding it, for error messages.
     * Each type is checked with its own instanceof (one class comparison), not through a Class object.
     */
    private static void writeValue(JsonWriter json, Column column, Object value, String prefix) {
        switch (column.type()) {
            case STRING, INTERVAL, RANGE -> {
                if (!(value instanceof String text)) {
                    throw mismatch(String.class, value, column, prefix);
                }
                json.value(text);
            }
            case RECORD -> {
                if (!(value instanceof Row record)) {
                    throw mismatch(Row.class, value, column, prefix);
                }
                writeRecord(json, column.fields(), record, prefix + column.name() + ".");
            }
            case INTEGER -> {
                if (!(value instanceof Long number)) {
                    throw mismatch(Long.class, value, column, prefix);
                }
                json.value(number.longValue());
            }
            default -> writeOther(json, column, value, prefix);
        }
    }

    /** The column types exported rows hold rarely, apart from the hot three above. */
    private static void writeOther(JsonWriter json, Column column, Object value, String prefix) {
        switch (column.type()) {
            case FLOAT -> writeFloat(json, expect(Double.class, value, column, prefix));
            case BOOLEAN -> json.value(expect(Boolean.class, value, column, prefix).booleanValue());
            case NUMERIC, BIGNUMERIC -> json.value(expect(BigDecimal.class, value, column, prefix).toPlainString());
            case BYTES -> json.base64Value(expect(byte[].class, value, column, prefix));
            case DATE -> json.value(expect(LocalDate.class, value, column, prefix).toString());
            case TIME -> json.value(TIME.format(expect(LocalTime.class, value, column, prefix)));
            case DATETIME -> json.value(DATETIME.format(expect(LocalDateTime.class, value, column, prefix)));
            case TIMESTAMP -> json.value(TIMESTAMP.format(expect(Instant.class, value, column, prefix)
                    .truncatedTo(ChronoUnit.MICROS)));
            // The document is embedded as JSON, not as a string holding JSON, so it loads as the same value.
            case JSON -> json.rawValue(expect(JsonText.class, value, column, prefix).json());
            default -> throw new IllegalStateException(column.type() + " values are written by writeValue");
        }
    }

    /** The value as the Java type {@link Row} documents for the column's type, or a precise error. */
    private static <T> T expect(Class<T> type, Object value, Column column, String prefix) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw mismatch(type, value, column, prefix);
    }

    private static DicombqException mismatch(Class<?> type, Object value, Column column, String prefix) {
        String path = prefix + column.name();
        if (value == null) {
            return new DicombqException(Code.INVALID_ARGUMENT, "REPEATED column " + path
                    + " holds a NULL element; BigQuery arrays cannot hold NULL");
        }
        return new DicombqException(Code.INVALID_ARGUMENT, "column " + path + " is " + column.mode() + " "
                + column.type() + " and needs " + type.getSimpleName() + " values, not "
                + value.getClass().getSimpleName() + " " + value);
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
