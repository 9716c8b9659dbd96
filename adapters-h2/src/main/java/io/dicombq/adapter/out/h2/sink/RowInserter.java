package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.value.Value;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inserts rows with nested values into an H2 table: one prepared statement for the table, one parameter per
 * column, each bound as an H2 {@link Value} of the column's exact type (see {@link H2Values}), and the rows of a
 * call sent as one JDBC batch.
 */
public final class RowInserter {
    private final Connection connection;
    private final String insert;
    private final TableSchema schema;
    private final H2Values values = new H2Values();
    /** The longest array in the rows seen so far (the UNNEST numbers table must cover it). */
    private int longestArray;

    public RowInserter(Connection connection, String physicalSql, TableSchema schema) {
        this.connection = connection;
        this.schema = schema;
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(physicalSql).append(" (");
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < schema.columns().size(); i++) {
            sql.append(i > 0 ? ", " : "").append(Names.quote(schema.columns().get(i).name()));
            params.append(i > 0 ? ", ?" : "?");
        }
        this.insert = sql.append(") VALUES (").append(params).append(')').toString();
    }

    public int longestArray() {
        return longestArray;
    }

    /** Checks that every row fits the schema; a value that does not is INVALID_ARGUMENT naming row and column. */
    public void validate(List<Row> rows) {
        convert(rows);
    }

    /** Inserts the rows; a value that does not fit its column is INVALID_ARGUMENT naming row and column. */
    public void insert(List<Row> rows) {
        List<Value[]> converted = convert(rows);
        if (converted.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (Value[] row : converted) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw Jdbc.internal("insert", e);
        }
    }

    private List<Value[]> convert(List<Row> rows) {
        List<Value[]> converted = new ArrayList<>(rows.size());
        if (!rows.isEmpty() && schema.isEmpty()) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "cannot insert rows into a table without columns");
        }
        List<Column> columns = schema.columns();
        for (int r = 0; r < rows.size(); r++) {
            String where = "row " + r;
            Map<String, Object> fields = FieldNames.canonical(rows.get(r), columns, where);
            Value[] row = new Value[columns.size()];
            for (int c = 0; c < row.length; c++) {
                Column column = columns.get(c);
                Object value = fields.get(column.name());
                if (value instanceof List) {
                    longestArray = Math.max(longestArray, longest(column, (List<?>) value));
                }
                row[c] = values.of(column, value, new Location(where, column.name()));
            }
            converted.add(row);
        }
        return converted;
    }

    /** The longest array in a value, nested arrays included. */
    private static int longest(Column column, List<?> items) {
        int longest = items.size();
        if (column.isRecord()) {
            for (Object item : items) {
                if (item instanceof Row) {
                    longest = Math.max(longest, longestIn(column.fields(), (Row) item));
                }
            }
        }
        return longest;
    }

    private static int longestIn(List<Column> fields, Row record) {
        int longest = 0;
        for (Column field : fields) {
            Object value = record.get(field.name());
            if (value instanceof List) {
                longest = Math.max(longest, longest(field, (List<?>) value));
            } else if (value instanceof Row && field.isRecord()) {
                longest = Math.max(longest, longestIn(field.fields(), (Row) value));
            }
        }
        return longest;
    }

    /** Row and column of a value, spelled out only when an error message needs it. */
    private record Location(String row, String column) {
        @Override
        public String toString() {
            return row + ", column " + column;
        }
    }
}
