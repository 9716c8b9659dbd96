package io.dicombq.adapter.out.h2.catalog;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RootCause;
import io.dicombq.domain.status.DicombqException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Thin JDBC helpers: statements with parameters, and SQLExceptions turned into INTERNAL errors. */
public final class Jdbc {
    private Jdbc() {
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw internal(sql, e);
        }
    }

    public static int update(Connection connection, String sql, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw internal(sql, e);
        }
    }

    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw internal(sql, e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it on any exception. */
    public static <T> T inTransaction(Connection connection, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (e instanceof SQLException) {
                    throw internal("transaction", (SQLException) e);
                }
                throw (RuntimeException) e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw internal("transaction", e);
        }
    }

    public static DicombqException internal(String what, SQLException e) {
        if (DamagedFile.is(e)) {
            return damaged(e);
        }
        return new DicombqException(new io.dicombq.domain.status.RpcError(Code.INTERNAL,
                "warehouse error in " + abbreviate(what) + ": " + e.getMessage() + RootCause.of(e)), e);
    }

    /**
     * DATA_LOSS in one line, with what to do: a table the statement reads is damaged in the file (H2 cannot read a
     * page of it); the other tables are readable, and the command that finds the damaged ones is named.
     */
    public static DicombqException damaged(Throwable e) {
        return new DicombqException(new io.dicombq.domain.status.RpcError(Code.DATA_LOSS, "the warehouse file is"
                + " damaged where this reads (" + DamagedFile.reason(e) + "); the other tables stay readable: run"
                + " `dicombq tables check` to find the damaged tables, delete them (`dicombq tables delete"
                + " PROJECT.DATASET.TABLE`) and export them again"), e);
    }

    /** H2's message cut to its first sentence: its messages run to pages (they quote a whole CREATE TABLE). */
    public static String firstSentence(String message) {
        String text = message == null ? "" : message;
        int end = text.length();
        for (String stop : new String[] {"\n", "; SQL statement:", " [", ". Possible solution"}) {
            int at = text.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String first = text.substring(0, end).strip();
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "…";
    }
}
