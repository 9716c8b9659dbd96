package io.dicombq.domain.schema;

import java.util.List;
import java.util.Objects;

/**
 * One BigQuery column: name, type, mode, for RECORD its nested fields in order, and for RANGE its element type (DATE,
 * DATETIME or TIMESTAMP; BigQuery's {@code rangeElementType}), null for every other type.
 */
public record Column(String name, ColumnType type, Mode mode, List<Column> fields, ColumnType rangeElement) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mode, "mode");
        fields = List.copyOf(fields);
        if (type == ColumnType.RECORD && fields.isEmpty()) {
            throw new IllegalArgumentException("RECORD column " + name + " needs at least one field");
        }
        if (type != ColumnType.RECORD && !fields.isEmpty()) {
            throw new IllegalArgumentException("only a RECORD column has fields, not " + type + " column " + name);
        }
        if (type == ColumnType.RANGE && rangeElement != ColumnType.DATE && rangeElement != ColumnType.DATETIME
                && rangeElement != ColumnType.TIMESTAMP) {
            throw new IllegalArgumentException("RANGE column " + name + " needs an element type DATE, DATETIME or TIMESTAMP, not "
                    + rangeElement);
        }
        if (type != ColumnType.RANGE && rangeElement != null) {
            throw new IllegalArgumentException("only a RANGE column has an element type, not " + type + " column " + name);
        }
    }

    public Column(String name, ColumnType type, Mode mode, List<Column> fields) {
        this(name, type, mode, fields, null);
    }

    /** A RANGE column of DATE, DATETIME or TIMESTAMP values. */
    public static Column range(String name, ColumnType element, Mode mode) {
        return new Column(name, ColumnType.RANGE, mode, List.of(), element);
    }

    public static Column of(String name, ColumnType type, Mode mode) {
        return new Column(name, type, mode, List.of());
    }

    public static Column record(String name, Mode mode, List<Column> fields) {
        return new Column(name, ColumnType.RECORD, mode, fields);
    }

    public boolean isRepeated() {
        return mode == Mode.REPEATED;
    }

    public boolean isRecord() {
        return type == ColumnType.RECORD;
    }

    /** The nested field of this name (BigQuery column names are case-insensitive), or null. */
    public Column field(String fieldName) {
        for (Column field : fields) {
            if (field.name.equalsIgnoreCase(fieldName)) {
                return field;
            }
        }
        return null;
    }
}
