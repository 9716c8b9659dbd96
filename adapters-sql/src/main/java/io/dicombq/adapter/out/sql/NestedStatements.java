package io.dicombq.adapter.out.sql;

import org.h2.jdbc.JdbcResultSet;
import org.h2.value.Value;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement of its own run by one of the engine's functions on the connection of the query calling it
 * ({@link ErrorCatchingRuntime}, {@link RecursiveRuntime}): its parameters and its rows are H2 values, bound and read
 * as they are, their types kept.
 */
final class NestedStatements {
    private NestedStatements() {
    }

    /** Each row of {@code sql}, its columns in order. */
    static List<Value[]> rows(Connection connection, String sql, Value... parameters) throws SQLException {
        List<Value[]> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                JdbcResultSet values = result.unwrap(JdbcResultSet.class);
                while (result.next()) {
                    Value[] row = new Value[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = values.getInternal(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
