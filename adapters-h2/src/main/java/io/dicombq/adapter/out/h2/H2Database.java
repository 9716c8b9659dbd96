package io.dicombq.adapter.out.h2;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The H2 database behind the warehouse: a small connection pool over one JDBC URL. The URL flags keep
 * mixed-case names as written and compare identifiers case-insensitively, as BigQuery does for columns.
 */
public final class H2Database implements AutoCloseable {
    /** Names stay as written; identifier lookups ignore case (BIGQUERY_EMULATION.md §2). */
    private static final String FLAGS = ";DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

    private final String url;
    private final JdbcConnectionPool pool;
    /** Keeps an in-memory database alive between pooled connections. */
    private final Connection anchor;

    private H2Database(String url, boolean anchored) {
        this.url = url;
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.pool.setMaxConnections(16);
        try {
            this.anchor = anchored ? H2Handover.connect(pool) : null;
        } catch (SQLException e) {
            pool.dispose();
            throw unavailable(url, e);
        }
    }

    /**
     * A file-backed database in {@code dataDir/warehouse.mv.db}. AUTO_SERVER lets a second dicombq process
     * (a {@code query} while {@code serve} runs) share it through a loopback TCP server the first one starts, and
     * AUTO_RECONNECT lets the others take over when that one exits; a 128 MB page cache keeps inserts of wide rows
     * from re-reading pages they just wrote. H2 writes versions to disk when the warehouse says ({@link H2StoreTiming}).
     */
    public static H2Database file(Path dataDir) {
        Path base = dataDir.toAbsolutePath().resolve("warehouse");
        return new H2Database("jdbc:h2:file:" + base + FLAGS + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;CACHE_SIZE=131072"
                + H2StoreTiming.URL_SETTING, false);
    }

    public static H2Database inMemory(String name) {
        return new H2Database("jdbc:h2:mem:" + name + FLAGS, true);
    }

    public String url() {
        return url;
    }

    /** A pooled connection in auto-commit mode; the caller closes it. */
    public Connection connection() {
        try {
            Connection connection = H2Handover.connect(pool);
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw unavailable(url, e);
        }
    }

    private static DicombqException unavailable(String url, SQLException e) {
        return new DicombqException(new io.dicombq.domain.status.RpcError(Code.UNAVAILABLE,
                "cannot open the warehouse database " + url + ": " + e.getMessage()
                        + " (another program may hold it; stop it or choose another --data-dir)"), e);
    }

    @Override
    public void close() {
        try {
            if (anchor != null) {
                anchor.close();
            }
        } catch (SQLException ignored) {
            // closing is best effort; the pool disposal below releases the database either way
        }
        pool.dispose();
    }
}
