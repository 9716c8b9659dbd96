package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads H2 result columns back into {@link Row} values, guided by the BigQuery schema. H2 hands a ROW over as a
 * one-row ResultSet and an ARRAY as {@code java.sql.Array}; both are read with typed getters so TIME keeps its
 * microseconds (the default {@code java.sql.Time} mapping would drop them).
 */
public final class RowReader {
    private RowReader() {
    }

    /** The row at the cursor, reading schema column i from result column {@code firstIndex + i}. */
    public static Row read(ResultSet rs, TableSchema schema, int firstIndex) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            Column column = schema.columns().get(i);
            Object value = value(rs, firstIndex + i, column);
            if (value != null) {
                values.put(column.name(), value);
            }
        }
        return new Row(values);
    }

    static Object value(ResultSet rs, int index, Column column) throws SQLException {
        if (!column.isRepeated()) {
            return single(rs, index, column);
        }
        Array array = rs.getArray(index);
        List<Object> items = new ArrayList<>();
        if (array != null) {
            try (ResultSet elements = array.getResultSet()) {
                while (elements.next()) {
                    items.add(single(elements, 2, column));
                }
            }
        }
        return items;
    }

    private static Object single(ResultSet rs, int index, Column column) throws SQLException {
        switch (column.type()) {
            case RECORD:
                Object record = rs.getObject(index);
                if (record == null) {
                    return null;
                }
                try (ResultSet fields = (ResultSet) record) {
                    fields.next();
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < column.fields().size(); i++) {
                        Column field = column.fields().get(i);
                        Object value = value(fields, i + 1, field);
                        if (value != null) {
                            values.put(field.name(), value);
                        }
                    }
                    return new Row(values);
                }
            case STRING:
            case INTERVAL:
            case RANGE:
                return rs.getString(index);
            case INTEGER:
                long integer = rs.getLong(index);
                return rs.wasNull() ? null : integer;
            case FLOAT:
                double number = rs.getDouble(index);
                return rs.wasNull() ? null : number;
            case NUMERIC:
            case BIGNUMERIC:
                BigDecimal decimal = rs.getBigDecimal(index);
                return decimal == null ? null : decimal.stripTrailingZeros();
            case BOOLEAN:
                boolean bool = rs.getBoolean(index);
                return rs.wasNull() ? null : bool;
            case BYTES:
                return rs.getBytes(index);
            case DATE:
                return rs.getObject(index, LocalDate.class);
            case TIME:
                return rs.getObject(index, LocalTime.class);
            case DATETIME:
                return rs.getObject(index, LocalDateTime.class);
            case TIMESTAMP:
                OffsetDateTime timestamp = rs.getObject(index, OffsetDateTime.class);
                return timestamp == null ? null : timestamp.toInstant();
            case JSON:
                byte[] json = rs.getBytes(index);
                return json == null ? null : new JsonText(new String(json, StandardCharsets.UTF_8));
            default:
                throw new IllegalStateException("unhandled column type " + column.type());
        }
    }
}
