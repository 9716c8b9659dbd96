package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.value.Value;

import java.util.List;

/**
 * A row as the H2 values of a schema's columns, in order, each checked to fit its column ({@link H2Values}); a value
 * that does not fit is INVALID_ARGUMENT naming row and column.
 */
final class RowValues {
    private final TableSchema schema;
    private final List<Column> columns;
    private final H2Values converter;

    RowValues(TableSchema schema, H2Values converter) {
        this.schema = schema;
        this.columns = schema.columns();
        this.converter = converter;
    }

    /** Whether this converts to the columns of {@code other}. */
    boolean isFor(TableSchema other) {
        return schema.equals(other);
    }

    /** The values of {@code source}; {@code index} numbers the row in error messages. */
    Value[] of(Row source, long index) {
        if (source == null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "row " + index + " is null");
        }
        Location where = new Location(index, null);
        Object[] fields = FieldNames.inColumnOrder(source, columns, where);
        Value[] row = new Value[fields.length];
        for (int c = 0; c < row.length; c++) {
            Column column = columns.get(c);
            row[c] = converter.of(column, fields[c], new Location(index, column.name()));
        }
        return row;
    }

    /** Row and column of a value, spelled out only when an error message needs it. */
    private record Location(long row, String column) {
        @Override
        public String toString() {
            return column == null ? "row " + row : "row " + row + ", column " + column;
        }
    }
}
