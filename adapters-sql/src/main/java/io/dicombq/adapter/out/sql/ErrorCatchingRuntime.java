package io.dicombq.adapter.out.sql;

import org.h2.value.Value;
import org.h2.value.ValueNull;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * IFERROR, ISERROR and NULLIFERROR at run time: the try expression is a statement of its own, run on the query's
 * connection for each row with the row's columns it reads as parameters, so that an evaluation error anywhere in it
 * (in an operator, a cast, a subquery) is caught without failing the query ({@link ErrorCatching} renders it).
 */
public final class ErrorCatchingRuntime {
    static final String[][] NAMES = {{"try_or", "tryOr"}, {"is_error", "isError"}};

    private ErrorCatchingRuntime() {
    }

    /**
     * IFERROR: the value of {@code attempt}, or where it fails with an evaluation error the value of {@code fallback}
     * (NULL when there is none), whose own errors fail the query (BigQuery docs: IFERROR).
     */
    public static Value tryOr(Connection connection, String attempt, String fallback, Value... columns) throws SQLException {
        try {
            return evaluate(connection, attempt, columns);
        } catch (SQLException e) {
            if (!EvaluationErrors.bigQueryFails(e)) {
                throw e;
            }
        }
        return fallback == null ? ValueNull.INSTANCE : evaluate(connection, fallback, columns);
    }

    /** ISERROR: whether {@code attempt} fails with an evaluation error; any other failure fails the query. */
    public static Boolean isError(Connection connection, String attempt, Value... columns) throws SQLException {
        try {
            evaluate(connection, attempt, columns);
            return false;
        } catch (SQLException e) {
            if (!EvaluationErrors.bigQueryFails(e)) {
                throw e;
            }
            return true;
        }
    }

    /** The one value of a {@code SELECT expr FROM (the columns as parameters)}. */
    private static Value evaluate(Connection connection, String sql, Value[] columns) throws SQLException {
        return NestedStatements.rows(connection, sql, columns).get(0)[0];
    }
}
