package io.dicombq.adapter.out.h2.operation;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import io.dicombq.adapter.out.h2.H2ConnectionPool;
import io.dicombq.adapter.out.h2.H2Handover;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import org.h2.api.ErrorCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The H2 database that holds operations, registered stores and dataset grants, in the data directory. It is
 * opened with AUTO_SERVER so several dicombq processes (a CLI command, a detached export worker, the HTTP server)
 * can use it at once.
 */
public final class OperationDatabase implements AutoCloseable {
    private static final String[] SCHEMA = {
            "CREATE TABLE IF NOT EXISTS operations ("
                    + " name VARCHAR PRIMARY KEY, seq BIGINT AUTO_INCREMENT, project VARCHAR NOT NULL,"
                    + " location VARCHAR NOT NULL, dataset VARCHAR NOT NULL, create_time VARCHAR NOT NULL,"
                    + " end_time VARCHAR, done BOOLEAN NOT NULL, error_code INT, error_message VARCHAR,"
                    + " cancel_requested BOOLEAN NOT NULL, logs_url VARCHAR NOT NULL, success BIGINT NOT NULL,"
                    + " failure BIGINT NOT NULL, pending BIGINT NOT NULL, owner VARCHAR NOT NULL,"
                    + " store_name VARCHAR NOT NULL, store_source VARCHAR NOT NULL, table_uri VARCHAR NOT NULL,"
                    + " force BOOLEAN, write_disposition VARCHAR, include_source_store BOOLEAN NOT NULL,"
                    + " layout VARCHAR NOT NULL, filter_uri VARCHAR)",
            // added after the first release: a data directory made before it gets the column on open
            "ALTER TABLE operations ADD COLUMN IF NOT EXISTS committing BOOLEAN DEFAULT FALSE NOT NULL",
            "CREATE TABLE IF NOT EXISTS dicom_stores ("
                    + " name VARCHAR PRIMARY KEY, project VARCHAR NOT NULL, location VARCHAR NOT NULL,"
                    + " dataset VARCHAR NOT NULL, source VARCHAR NOT NULL, create_time VARCHAR NOT NULL)",
            "CREATE TABLE IF NOT EXISTS dataset_grants ("
                    + " project VARCHAR NOT NULL, dataset VARCHAR NOT NULL, member VARCHAR NOT NULL,"
                    + " role VARCHAR NOT NULL, PRIMARY KEY (project, dataset, member, role))",
    };

    private final H2ConnectionPool pool;

    private OperationDatabase(String url) {
        this.pool = new H2ConnectionPool(url);
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            pool.close();
            throw failure("open the operations database " + url, e);
        }
    }

    /** The file-backed database {@code DATA_DIR/operations.mv.db}, shared between processes. */
    public static OperationDatabase open(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().resolve("operations");
        return new OperationDatabase("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE");
    }

    /** A private in-memory database, for tests. */
    public static OperationDatabase inMemory(String name) {
        return new OperationDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /** A connection, waiting out another process's hand-over of the shared database (H2 AUTO_SERVER). */
    Connection connection() throws SQLException {
        return H2Handover.connect(pool);
    }

    /**
     * Runs one statement; ALREADY_EXISTS with {@code duplicateMessage} when it breaks a primary key. A statement
     * interrupted by a hand-over between processes runs again; an insert that had gone through before the
     * interruption then finds its own row, which is its success, not a duplicate.
     */
    int update(String sql, String duplicateMessage, Object... parameters) {
        try {
            return retrying(connection -> Jdbc.update(connection, sql, parameters));
        } catch (DicombqException e) {
            if (e.getCause() instanceof SQLException cause && cause.getErrorCode() == ErrorCode.DUPLICATE_KEY_1
                    && duplicateMessage != null) {
                if (attempts(e) > 1) {
                    return 1;
                }
                throw new DicombqException(Code.ALREADY_EXISTS, duplicateMessage);
            }
            throw e;
        }
    }

    <T> List<T> query(String sql, Jdbc.RowMapper<T> mapper, Object... parameters) {
        return retrying(connection -> Jdbc.query(connection, sql, mapper, parameters));
    }

    /** A statement's work on a connection. */
    private interface Work<T> {
        T on(Connection connection);
    }

    /** How many attempts a failure came from (recorded as suppressed markers by {@link #retrying}). */
    private static int attempts(Throwable e) {
        return 1 + e.getSuppressed().length;
    }

    /**
     * Runs {@code work}, again on a new connection while another process hands the shared database over (H2
     * AUTO_SERVER: the process serving it exited, one of the others takes over), for up to a minute.
     */
    private <T> T retrying(Work<T> work) {
        long deadline = H2Handover.deadline();
        long pause = 20;
        java.util.List<Throwable> earlier = new java.util.ArrayList<>();
        while (true) {
            try (Connection connection = connection()) {
                return work.on(connection);
            } catch (SQLException | RuntimeException e) {
                if (!H2Handover.interruptedByHandover(e) || System.nanoTime() > deadline) {
                    earlier.forEach(e::addSuppressed);
                    if (e instanceof SQLException sql) {
                        throw failure("use the operations database", sql);
                    }
                    throw (RuntimeException) e;
                }
                earlier.add(e);
            }
            try {
                pause = H2Handover.pause(pause);
            } catch (SQLException e) {
                throw failure("use the operations database", e);
            }
        }
    }

    static DicombqException failure(String what, SQLException e) {
        return new DicombqException(RpcError.of(Code.INTERNAL, "dicombq could not " + what + ": " + e.getMessage()), e);
    }

    @Override
    public void close() {
        pool.close();
    }
}
