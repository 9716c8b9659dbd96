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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Inserts rows with nested values into an H2 table. H2 takes a ROW or an array of ROWs only through typed
 * constructors ({@code CAST(ROW(CAST(? AS …), …) AS ROW(…))}, BIGQUERY_EMULATION.md §2), so the statement
 * text depends on the row's shape (which records are NULL, how many items each repeated record has). A row's
 * shape is summed up in a short signature while its parameters are collected; the statement text is built once
 * per signature, and rows of one shape go in as one JDBC batch.
 */
public final class RowInserter {
    private final Connection connection;
    private final String insertPrefix;
    private final TableSchema schema;
    /** Statement text by shape signature; shapes repeat across batches (a series' instances share one). */
    private final Map<String, String> statements = new HashMap<>();
    /** Exact field names of each list of columns, for the common case where rows spell them as the schema does. */
    private final Map<List<Column>, Set<String>> exactNames = new IdentityHashMap<>();
    /** The longest array in the rows seen so far (the UNNEST numbers table must cover it). */
    private int longestArray;

    public RowInserter(Connection connection, String physicalSql, TableSchema schema) {
        this.connection = connection;
        this.schema = schema;
        StringBuilder prefix = new StringBuilder("INSERT INTO ").append(physicalSql).append(" (");
        for (int i = 0; i < schema.columns().size(); i++) {
            prefix.append(i > 0 ? ", " : "").append(Names.quote(schema.columns().get(i).name()));
        }
        this.insertPrefix = prefix.append(") VALUES (").toString();
    }

    public int longestArray() {
        return longestArray;
    }

    /** Checks that every row fits the schema; a value that does not is INVALID_ARGUMENT naming row and column. */
    public void validate(List<Row> rows) {
        shapes(rows, false);
    }

    /** Inserts the rows; a value that does not fit its column is INVALID_ARGUMENT naming row and column. */
    public void insert(List<Row> rows) {
        for (Map.Entry<String, List<Object[]>> shape : shapes(rows, true).entrySet()) {
            try (PreparedStatement statement = connection.prepareStatement(statements.get(shape.getKey()))) {
                for (Object[] params : shape.getValue()) {
                    for (int i = 0; i < params.length; i++) {
                        statement.setObject(i + 1, params[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw Jdbc.internal("insert", e);
            }
        }
    }

    /** The rows' parameters grouped by shape signature; with {@code render}, each new shape's statement is built. */
    private Map<String, List<Object[]>> shapes(List<Row> rows, boolean render) {
        Map<String, List<Object[]>> byShape = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return byShape;
        }
        if (schema.isEmpty()) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "cannot insert rows into a table without columns");
        }
        StringBuilder signature = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            signature.setLength(0);
            params.clear();
            Where where = new Where(null, "row " + r, -1);
            Map<String, Object> values = canonical(rows.get(r), schema.columns(), where);
            for (Column column : schema.columns()) {
                value(column, values.get(column.name()), true, null, signature, params, new Where(where, column.name(), -1));
            }
            String key = signature.toString();
            if (render && !statements.containsKey(key)) {
                statements.put(key, render(values));
            }
            byShape.computeIfAbsent(key, k -> new ArrayList<>()).add(params.toArray());
        }
        return byShape;
    }

    private String render(Map<String, Object> values) {
        StringBuilder sql = new StringBuilder(insertPrefix);
        List<Object> ignored = new ArrayList<>();
        StringBuilder signature = new StringBuilder();
        for (int c = 0; c < schema.columns().size(); c++) {
            Column column = schema.columns().get(c);
            sql.append(c > 0 ? ", " : "");
            value(column, values.get(column.name()), true, sql, signature, ignored, null);
        }
        return sql.append(')').toString();
    }

    /**
     * Collects the parameters of one value and extends the shape signature; appends its SQL when {@code sql} is
     * given. {@code where} locates the value for error messages (null while rendering an already checked row).
     */
    private void value(Column column, Object value, boolean topLevel, StringBuilder sql, StringBuilder signature,
                       List<Object> params, Where where) {
        if (column.isRepeated()) {
            List<?> items = value == null ? List.of() : asList(value, where);
            longestArray = Math.max(longestArray, items.size());
            if (!column.isRecord() && column.type() != ColumnType.JSON) {
                Object[] array = new Object[items.size()];
                for (int i = 0; i < array.length; i++) {
                    array[i] = JdbcValues.of(column, requireItem(items.get(i), where, i), where);
                }
                if (sql != null) {
                    sql.append("CAST(? AS ").append(H2Types.of(column)).append(')');
                }
                params.add(array);
                return;
            }
            signature.append('[').append(items.size());
            if (sql != null) {
                sql.append("CAST(ARRAY[");
            }
            for (int i = 0; i < items.size(); i++) {
                if (sql != null && i > 0) {
                    sql.append(", ");
                }
                single(column, requireItem(items.get(i), where, i), false, sql, signature, params,
                        where == null ? null : new Where(where, null, i));
            }
            signature.append(']');
            if (sql != null) {
                sql.append("] AS ").append(H2Types.of(column)).append(')');
            }
            return;
        }
        if (value == null && column.mode() == Mode.REQUIRED) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Missing required field: " + where);
        }
        single(column, value, topLevel, sql, signature, params, where);
    }

    private void single(Column column, Object value, boolean topLevel, StringBuilder sql, StringBuilder signature,
                        List<Object> params, Where where) {
        if (column.isRecord()) {
            if (value == null) {
                signature.append('n');
                if (sql != null) {
                    sql.append("CAST(NULL AS ").append(H2Types.elementOf(column)).append(')');
                }
                return;
            }
            if (!(value instanceof Row)) {
                throw mismatch(where, column, value);
            }
            signature.append('(');
            Map<String, Object> fields = canonical((Row) value, column.fields(), where);
            if (sql != null) {
                sql.append("CAST(ROW(");
            }
            for (int i = 0; i < column.fields().size(); i++) {
                Column field = column.fields().get(i);
                if (sql != null && i > 0) {
                    sql.append(", ");
                }
                value(field, fields.get(field.name()), false, sql, signature, params,
                        where == null ? null : new Where(where, field.name(), -1));
            }
            signature.append(')');
            if (sql != null) {
                sql.append(") AS ").append(H2Types.elementOf(column)).append(')');
            }
            return;
        }
        if (sql != null) {
            if (column.type() == ColumnType.JSON) {
                // A JSON text parameter must be marked FORMAT JSON, else H2 stores it as a JSON string.
                sql.append(topLevel ? "? FORMAT JSON" : "CAST(CAST(? AS CHARACTER VARYING) FORMAT JSON AS JSON)");
            } else {
                sql.append(topLevel ? "?" : "CAST(? AS " + H2Types.elementOf(column) + ")");
            }
        }
        params.add(value == null ? null : JdbcValues.of(column, value, where));
    }

    /**
     * The row's values keyed by the schema's spelling of each column. BigQuery field names ignore case, so a
     * value under another spelling is moved to its column rather than lost; an unknown name is INVALID_ARGUMENT.
     */
    private Map<String, Object> canonical(Row row, List<Column> columns, Where where) {
        Set<String> exact = exactNames.computeIfAbsent(columns, RowInserter::namesOf);
        Map<String, Object> values = row.values();
        for (String name : values.keySet()) {
            if (!exact.contains(name)) {
                return respelled(values, columns, where);
            }
        }
        return values;
    }

    private static Map<String, Object> respelled(Map<String, Object> values, List<Column> columns, Where where) {
        Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        columns.forEach(c -> spelling.put(c.name(), c.name()));
        Map<String, Object> canonical = new HashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = spelling.get(entry.getKey());
            if (name == null) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "no such field: " + entry.getKey() + " (" + where + ")");
            }
            if (canonical.containsKey(name)) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "field " + name + " is given twice, in different"
                        + " letter case (" + where + ")");
            }
            canonical.put(name, entry.getValue());
        }
        return canonical;
    }

    private static Set<String> namesOf(List<Column> columns) {
        Set<String> names = new java.util.HashSet<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    private static Object requireItem(Object item, Where where, int index) {
        if (item == null) {
            // BigQuery arrays cannot hold NULL.
            throw new DicombqException(Code.INVALID_ARGUMENT, "Array cannot have a null element: " + new Where(where, null, index));
        }
        return item;
    }

    private static List<?> asList(Object value, Where where) {
        if (!(value instanceof List)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "expected a list for the REPEATED field " + where
                    + ", got " + value.getClass().getSimpleName());
        }
        return (List<?>) value;
    }

    private static DicombqException mismatch(Where where, Column column, Object value) {
        return new DicombqException(Code.INVALID_ARGUMENT, "a " + value.getClass().getSimpleName()
                + " value does not fit " + column.type() + " field " + where);
    }

    /** Where a value sits (row, column, nested field, item), spelled out only when an error needs it. */
    private record Where(Where parent, String name, int index) {
        @Override
        public String toString() {
            String self = name != null ? name : "[" + index + "]";
            if (parent == null) {
                return self;
            }
            String up = parent.toString();
            if (parent.parent == null) {
                return up + ", column " + self;
            }
            return name != null ? up + "." + self : up + self;
        }
    }
}
