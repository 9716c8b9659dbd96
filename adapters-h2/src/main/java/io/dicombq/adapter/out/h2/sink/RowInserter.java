package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.catalog.H2Types;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts rows with nested values into an H2 table. H2 takes a ROW or an array of ROWs only through typed
 * constructors ({@code CAST(ROW(CAST(? AS …), …) AS ROW(…))}, BIGQUERY_EMULATION.md §2), so the statement
 * text depends on the row's shape (which records are NULL, how many items each repeated record has). Rows of
 * one shape share one prepared statement and go in as one JDBC batch.
 */
public final class RowInserter {
    private final Connection connection;
    private final String insertPrefix;
    private final TableSchema schema;

    public RowInserter(Connection connection, String physicalSql, TableSchema schema) {
        this.connection = connection;
        this.schema = schema;
        StringBuilder prefix = new StringBuilder("INSERT INTO ").append(physicalSql).append(" (");
        for (int i = 0; i < schema.columns().size(); i++) {
            prefix.append(i > 0 ? ", " : "").append(Names.quote(schema.columns().get(i).name()));
        }
        this.insertPrefix = prefix.append(") VALUES (").toString();
    }

    /** The longest array in the rows inserted so far (the UNNEST numbers table must cover it). */
    private int longestArray;

    public int longestArray() {
        return longestArray;
    }

    /** Checks that every row fits the schema; a value that does not is INVALID_ARGUMENT naming row and column. */
    public void validate(List<Row> rows) {
        shapes(rows);
    }

    /** Inserts the rows; a value that does not fit its column is INVALID_ARGUMENT naming row and column. */
    public void insert(List<Row> rows) {
        for (Map.Entry<String, List<List<Object>>> shape : shapes(rows).entrySet()) {
            try (PreparedStatement statement = connection.prepareStatement(shape.getKey())) {
                for (List<Object> params : shape.getValue()) {
                    for (int i = 0; i < params.size(); i++) {
                        statement.setObject(i + 1, params.get(i));
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw Jdbc.internal("insert", e);
            }
        }
    }

    /** The rows grouped by statement text (their shape), each with its parameters. */
    private Map<String, List<List<Object>>> shapes(List<Row> rows) {
        Map<String, List<List<Object>>> byShape = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return byShape;
        }
        if (schema.isEmpty()) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "cannot insert rows into a table without columns");
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            checkKnownColumns(row, schema.columns(), "row " + r);
            StringBuilder sql = new StringBuilder(insertPrefix);
            List<Object> params = new ArrayList<>();
            for (int c = 0; c < schema.columns().size(); c++) {
                Column column = schema.columns().get(c);
                sql.append(c > 0 ? ", " : "");
                value(column, row.get(column.name()), true, sql, params, "row " + r + ", column " + column.name());
            }
            byShape.computeIfAbsent(sql.append(')').toString(), k -> new ArrayList<>()).add(params);
        }
        return byShape;
    }

    private void value(Column column, Object value, boolean topLevel, StringBuilder sql, List<Object> params, String where) {
        if (column.isRepeated()) {
            List<?> items = value == null ? List.of() : asList(value, where);
            longestArray = Math.max(longestArray, items.size());
            if (!column.isRecord() && column.type() != ColumnType.JSON) {
                Object[] array = new Object[items.size()];
                for (int i = 0; i < array.length; i++) {
                    array[i] = JdbcValues.of(column, requireItem(items.get(i), where), where);
                }
                sql.append("CAST(? AS ").append(H2Types.of(column)).append(')');
                params.add(array);
                return;
            }
            sql.append("CAST(ARRAY[");
            for (int i = 0; i < items.size(); i++) {
                sql.append(i > 0 ? ", " : "");
                single(column, requireItem(items.get(i), where), false, sql, params, where + "[" + i + "]");
            }
            sql.append("] AS ").append(H2Types.of(column)).append(')');
            return;
        }
        if (value == null && column.mode() == Mode.REQUIRED) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Missing required field: " + where);
        }
        single(column, value, topLevel, sql, params, where);
    }

    private void single(Column column, Object value, boolean topLevel, StringBuilder sql, List<Object> params, String where) {
        if (column.isRecord()) {
            if (value == null) {
                sql.append("CAST(NULL AS ").append(H2Types.elementOf(column)).append(')');
                return;
            }
            if (!(value instanceof Row)) {
                throw mismatch(where, column, value);
            }
            Row record = (Row) value;
            checkKnownColumns(record, column.fields(), where);
            sql.append("CAST(ROW(");
            for (int i = 0; i < column.fields().size(); i++) {
                Column field = column.fields().get(i);
                sql.append(i > 0 ? ", " : "");
                value(field, record.get(field.name()), false, sql, params, where + "." + field.name());
            }
            sql.append(") AS ").append(H2Types.elementOf(column)).append(')');
            return;
        }
        if (column.type() == ColumnType.JSON) {
            // A JSON text parameter must be marked FORMAT JSON, else H2 stores it as a JSON string.
            sql.append(topLevel ? "? FORMAT JSON" : "CAST(CAST(? AS CHARACTER VARYING) FORMAT JSON AS JSON)");
            params.add(value == null ? null : JdbcValues.of(column, value, where));
            return;
        }
        sql.append(topLevel ? "?" : "CAST(? AS " + H2Types.elementOf(column) + ")");
        params.add(value == null ? null : JdbcValues.of(column, value, where));
    }

    private static Object requireItem(Object item, String where) {
        if (item == null) {
            // BigQuery arrays cannot hold NULL.
            throw new DicombqException(Code.INVALID_ARGUMENT, "Array cannot have a null element: " + where);
        }
        return item;
    }

    private static List<?> asList(Object value, String where) {
        if (!(value instanceof List)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "expected a list for the REPEATED field " + where
                    + ", got " + value.getClass().getSimpleName());
        }
        return (List<?>) value;
    }

    private static void checkKnownColumns(Row row, List<Column> columns, String where) {
        for (String name : row.values().keySet()) {
            boolean known = columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
            if (!known) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "no such field: " + name + " (" + where + ")");
            }
        }
    }

    private static DicombqException mismatch(String where, Column column, Object value) {
        return new DicombqException(Code.INVALID_ARGUMENT, "a " + value.getClass().getSimpleName()
                + " value does not fit " + column.type() + " field " + where);
    }
}
