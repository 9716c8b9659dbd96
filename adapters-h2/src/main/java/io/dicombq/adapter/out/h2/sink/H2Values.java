package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import org.h2.util.JSR310Utils;
import org.h2.value.ExtTypeInfoRow;
import org.h2.value.TypeInfo;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueBigint;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueDouble;
import org.h2.value.ValueJson;
import org.h2.value.ValueNull;
import org.h2.value.ValueNumeric;
import org.h2.value.ValueRow;
import org.h2.value.ValueVarbinary;
import org.h2.value.ValueVarchar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link io.dicombq.domain.schema.Row} values as H2 {@link Value}s with their exact H2 types. H2's JDBC driver
 * binds a {@code Value} as it is, so a ROW or an array of ROWs goes in as one parameter: no typed constructor per
 * field, one statement for every row of a table (H2 2.3 internals; the H2 version is pinned).
 */
final class H2Values {
    /** H2 types by column, computed once per column of a schema. */
    private final Map<Column, TypeInfo> elementTypes = new IdentityHashMap<>();
    /** The longest array converted so far, nested ones included. */
    private int longestArray;

    int longestArray() {
        return longestArray;
    }

    /** The value of a column, REPEATED included; checks it fits BigQuery's type for the column. */
    Value of(Column column, Object value, Object where) {
        if (column.isRepeated()) {
            Value[] items = arrayItems(column, value, where);
            return ValueArray.get(elementType(column), items, null);
        }
        if (value == null) {
            if (column.mode() == Mode.REQUIRED) {
                throw RowErrors.missingRequired(where);
            }
            return ValueNull.INSTANCE;
        }
        return single(column, value, where);
    }

    /** Each item of a REPEATED value, converted; BigQuery arrays cannot hold NULL. */
    private Value[] arrayItems(Column column, Object value, Object where) {
        if (value == null) {
            return Value.EMPTY_VALUES;
        }
        if (!(value instanceof List)) {
            throw RowErrors.notAList(where, value);
        }
        List<?> items = (List<?>) value;
        longestArray = Math.max(longestArray, items.size());
        Value[] values = new Value[items.size()];
        for (int i = 0; i < values.length; i++) {
            Object item = items.get(i);
            if (item == null) {
                throw RowErrors.nullElement(where, i);
            }
            values[i] = single(column, item, where);
        }
        return values;
    }

    private Value single(Column column, Object value, Object where) {
        if (column.type() == ColumnType.RECORD) {
            if (value instanceof Row) {
                Object[] fields = FieldNames.inColumnOrder((Row) value, column.fields(), where);
                Value[] values = new Value[fields.length];
                for (int i = 0; i < values.length; i++) {
                    Column field = column.fields().get(i);
                    values[i] = of(field, fields[i], new Nested(where, field.name()));
                }
                return ValueRow.get(elementType(column), values);
            }
        } else if (fits(column.type(), value)) {
            return scalar(column.type(), value, where);
        }
        throw RowErrors.doesNotFit(value, column.type(), where);
    }

    /** The ROW value of a staged RECORD whose fields were decoded (checked at staging against its column). */
    static Value record(TypeInfo type, Value[] fields) {
        return ValueRow.get(type, fields);
    }

    /** The ARRAY value of a staged REPEATED column whose items were decoded; counts towards {@link #longestArray}. */
    Value array(TypeInfo elementType, Value[] items) {
        longestArray = Math.max(longestArray, items.length);
        return ValueArray.get(elementType, items, null);
    }

    /** Whether a Java value is one BigQuery accepts for a scalar type. */
    static boolean fits(ColumnType type, Object value) {
        switch (type) {
            case STRING:
                return value instanceof String;
            case INTEGER:
                return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
            case FLOAT:
                return value instanceof Number && !(value instanceof BigDecimal);
            case NUMERIC:
            case BIGNUMERIC:
                return value instanceof BigDecimal;
            case BOOLEAN:
                return value instanceof Boolean;
            case BYTES:
                return value instanceof byte[];
            case DATE:
                return value instanceof LocalDate;
            case TIME:
                return value instanceof LocalTime;
            case DATETIME:
                return value instanceof LocalDateTime;
            case TIMESTAMP:
                return value instanceof Instant;
            case JSON:
                return value instanceof JsonText;
            default:
                return false;
        }
    }

    /** The H2 value of a scalar that {@link #fits} its type. */
    private static Value scalar(ColumnType type, Object value, Object where) {
        switch (type) {
            case STRING:
                return ValueVarchar.get((String) value);
            case INTEGER:
                return ValueBigint.get(((Number) value).longValue());
            case FLOAT:
                return ValueDouble.get(((Number) value).doubleValue());
            case NUMERIC:
            case BIGNUMERIC:
                return ValueNumeric.get((BigDecimal) value);
            case BOOLEAN:
                return ValueBoolean.get((Boolean) value);
            case BYTES:
                return ValueVarbinary.get((byte[]) value);
            case DATE:
                return JSR310Utils.localDateToValue((LocalDate) value);
            case TIME:
                return JSR310Utils.localTimeToValue((LocalTime) value);
            case DATETIME:
                return JSR310Utils.localDateTimeToValue((LocalDateTime) value);
            case TIMESTAMP:
                return JSR310Utils.instantToValue((Instant) value);
            case JSON:
                try {
                    return ValueJson.fromJson(((JsonText) value).json());
                } catch (RuntimeException e) {
                    throw RowErrors.invalidJson(where, e.getMessage());
                }
            default:
                throw new IllegalArgumentException("no scalar H2 value for " + type);
        }
    }

    /** A nested field's location, spelled out only when an error message needs it. */
    private record Nested(Object parent, String field) {
        @Override
        public String toString() {
            return parent + "." + field;
        }
    }

    /** The H2 type of one value of the column (the element type for REPEATED). */
    TypeInfo elementType(Column column) {
        TypeInfo type = elementTypes.get(column);
        if (type == null) {
            type = typeOf(column);
            elementTypes.put(column, type);
        }
        return type;
    }

    private TypeInfo typeOf(Column column) {
        switch (column.type()) {
            case RECORD:
                LinkedHashMap<String, TypeInfo> fields = new LinkedHashMap<>();
                for (Column field : column.fields()) {
                    TypeInfo element = elementType(field);
                    fields.put(field.name(), field.isRepeated() ? TypeInfo.getTypeInfo(Value.ARRAY, -1L, -1, element) : element);
                }
                return TypeInfo.getTypeInfo(Value.ROW, -1L, -1, new ExtTypeInfoRow(fields));
            case STRING:
                return TypeInfo.TYPE_VARCHAR;
            case BYTES:
                return TypeInfo.TYPE_VARBINARY;
            case INTEGER:
                return TypeInfo.TYPE_BIGINT;
            case FLOAT:
                return TypeInfo.TYPE_DOUBLE;
            case NUMERIC:
                return TypeInfo.getTypeInfo(Value.NUMERIC, 38, 9, null);
            case BIGNUMERIC:
                return TypeInfo.getTypeInfo(Value.NUMERIC, 77, 38, null);
            case BOOLEAN:
                return TypeInfo.TYPE_BOOLEAN;
            case DATE:
                return TypeInfo.TYPE_DATE;
            case TIME:
                return TypeInfo.getTypeInfo(Value.TIME, -1L, 6, null);
            case DATETIME:
                return TypeInfo.getTypeInfo(Value.TIMESTAMP, -1L, 6, null);
            case TIMESTAMP:
                return TypeInfo.getTypeInfo(Value.TIMESTAMP_TZ, -1L, 6, null);
            case JSON:
                return TypeInfo.TYPE_JSON;
            default:
                throw new IllegalArgumentException("no H2 type for " + column.type());
        }
    }
}
