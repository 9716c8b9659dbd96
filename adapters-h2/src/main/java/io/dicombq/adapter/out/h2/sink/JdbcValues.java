package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.status.DicombqException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** Converts {@link io.dicombq.domain.schema.Row} values to the objects H2's JDBC driver binds. */
public final class JdbcValues {
    private JdbcValues() {
    }

    /** The JDBC object for a {@link Row} value of this column type. */
    public static Object of(Column column, Object value, Object where) {
        switch (column.type()) {
            case STRING:
            case INTERVAL:
            case RANGE:
                if (value instanceof String) {
                    return value;
                }
                break;
            case INTEGER:
                if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                break;
            case FLOAT:
                if (value instanceof Number) {
                    return ((Number) value).doubleValue();
                }
                break;
            case NUMERIC:
            case BIGNUMERIC:
                if (value instanceof BigDecimal) {
                    return value;
                }
                break;
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            case BYTES:
                if (value instanceof byte[]) {
                    return value;
                }
                break;
            case DATE:
                if (value instanceof LocalDate) {
                    return value;
                }
                break;
            case TIME:
                if (value instanceof LocalTime) {
                    return value;
                }
                break;
            case DATETIME:
                if (value instanceof LocalDateTime) {
                    return value;
                }
                break;
            case TIMESTAMP:
                if (value instanceof Instant) {
                    return ((Instant) value).atOffset(ZoneOffset.UTC);
                }
                break;
            case JSON:
                if (value instanceof JsonText) {
                    return ((JsonText) value).json();
                }
                break;
            default:
                break;
        }
        throw mismatch(where, column, value);
    }

    private static DicombqException mismatch(Object where, Column column, Object value) {
        return RowErrors.doesNotFit(value, column.type(), where);
    }
}
