package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import org.h2.value.Value;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts rows with nested values into an H2 table: one prepared statement for the table, one parameter per
 * column, each bound as an H2 {@link Value} of the column's exact type (see {@link H2Values}).
 */
public final class RowInserter {
    private final Connection connection;
    private final String insert;
    /** The same with the row id first: rows that keep a position given by the caller. */
    private final String keyedInsert;
    private final TableSchema schema;
    private final H2Values values = new H2Values();
    private final RowValues rowValues;

    public RowInserter(Connection connection, String physicalSql, TableSchema schema) {
        this.connection = connection;
        this.schema = schema;
        this.rowValues = new RowValues(schema, values);
        // each column and parameter with ", " before it: the keyed forms put the row id first
        String columns = schema.columns().stream().map(column -> ", " + Names.quote(column.name()))
                .collect(java.util.stream.Collectors.joining());
        String params = ", ?".repeat(schema.columns().size());
        String head = "INSERT INTO " + physicalSql + " (";
        this.insert = head + columns.replaceFirst("^, ", "") + ") VALUES (" + params.replaceFirst("^, ", "") + ")";
        this.keyedInsert = head + "_ROWID_" + columns + ") VALUES (?" + params + ")";
    }

    /** The longest array, nested ones included, in the rows seen so far (the UNNEST numbers table must cover it). */
    public int longestArray() {
        return values.longestArray();
    }

    /** Inserts the rows; a value that does not fit its column is INVALID_ARGUMENT naming row and column. */
    public void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Stream stream = stream()) {
            for (Row row : rows) {
                stream.insert(row);
            }
        }
    }

    /**
     * An open insert statement taking one row at a time. Embedded H2 has no round trip a JDBC batch would save (it
     * runs a batch row by row too), and converting and binding one row at a time keeps only that row's values alive,
     * where a batch of wide rows with nested private elements kept hundreds of megabytes for the collector to copy.
     */
    public Stream stream() {
        return open(insert, false);
    }

    /** A {@link #stream()} whose rows take the row ids the caller gives ({@link Stream#insertAt}), not the next ones. */
    Stream keyedStream() {
        return open(keyedInsert, true);
    }

    private Stream open(String sql, boolean keyed) {
        if (schema.isEmpty()) {
            throw RowErrors.noColumns();
        }
        try {
            return new Stream(connection.prepareStatement(sql), keyed);
        } catch (SQLException e) {
            throw Jdbc.internal("insert", e);
        }
    }

    /** See {@link #stream()}; rows are numbered from 0 in error messages. */
    public final class Stream implements AutoCloseable {
        private final PreparedStatement statement;
        private final boolean keyed;
        private long index;

        private Stream(PreparedStatement statement, boolean keyed) {
            this.statement = statement;
            this.keyed = keyed;
        }

        public void insert(Row row) {
            insert(rowValues.of(row, index));
        }

        /** Inserts a row already converted to H2 values of the schema's columns, in order. */
        void insert(Value[] values) {
            if (keyed) {
                throw new IllegalStateException("a keyed stream takes rows with their row ids");
            }
            execute(values, 1);
        }

        /** Inserts a row with the row id {@code key} (a keyed stream: {@link #keyedStream()}). */
        void insertAt(long key, Value[] values) {
            if (!keyed) {
                throw new IllegalStateException("this stream gives rows the next row ids");
            }
            try {
                statement.setLong(1, key);
            } catch (SQLException e) {
                throw Jdbc.internal("insert", e);
            }
            execute(values, 2);
        }

        void insertAt(long key, Row row) {
            insertAt(key, rowValues.of(row, index));
        }

        private void execute(Value[] values, int firstParameter) {
            index++;
            try {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(firstParameter + i, values[i]);
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                throw Jdbc.internal("insert", e);
            }
        }

        @Override
        public void close() {
            try {
                statement.close();
            } catch (SQLException e) {
                throw Jdbc.internal("insert", e);
            }
        }
    }
}
