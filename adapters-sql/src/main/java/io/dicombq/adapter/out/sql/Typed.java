package io.dicombq.adapter.out.sql;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;

import java.util.List;

/**
 * A translated expression: its H2 SQL and its BigQuery type, as a {@link Column} (REPEATED for arrays, RECORD
 * with fields for structs). A NULL literal has no type ({@code type == null}).
 */
record Typed(String sql, Column type) {

    static Typed of(String sql, ColumnType type) {
        return new Typed(sql, Column.of("_", type, Mode.NULLABLE));
    }

    static Typed untypedNull() {
        return new Typed("NULL", null);
    }

    boolean isNull() {
        return type == null;
    }

    boolean isArray() {
        return type != null && type.isRepeated();
    }

    boolean isRecord() {
        return type != null && !type.isRepeated() && type.isRecord();
    }

    boolean is(ColumnType columnType) {
        return type != null && !type.isRepeated() && type.type() == columnType;
    }

    boolean isNumeric() {
        return is(ColumnType.INTEGER) || is(ColumnType.FLOAT) || is(ColumnType.NUMERIC);
    }

    /** The element type of an array. */
    Column element() {
        return new Column(type.name(), type.type(), Mode.NULLABLE, type.fields(), type.rangeElement());
    }

    /** BigQuery's spelling of the type, for error messages. */
    String typeName() {
        return describe(type);
    }

    static String describe(Column type) {
        if (type == null) {
            return "NULL";
        }
        String element;
        if (type.isRecord()) {
            StringBuilder fields = new StringBuilder("STRUCT<");
            List<Column> columns = type.fields();
            for (int i = 0; i < columns.size(); i++) {
                Column f = columns.get(i);
                fields.append(i > 0 ? ", " : "").append(f.name()).append(' ').append(describe(f));
            }
            element = fields.append('>').toString();
        } else {
            element = standardName(type.type());
        }
        return type.isRepeated() ? "ARRAY<" + element + ">" : element;
    }

    static String standardName(ColumnType type) {
        switch (type) {
            case INTEGER:
                return "INT64";
            case FLOAT:
                return "FLOAT64";
            case BOOLEAN:
                return "BOOL";
            default:
                return type.name();
        }
    }
}
