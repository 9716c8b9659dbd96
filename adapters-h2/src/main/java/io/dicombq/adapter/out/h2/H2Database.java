package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.file.UncachedWritePath;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.api.ErrorCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The H2 database behind the warehouse: a small connection pool over one JDBC URL. The URL flags keep
 * mixed-case names as written and compare identifiers case-insensitively, as BigQuery does for columns.
 */
public final class H2Database implements AutoCloseable {
    private static final String FILE_BASE = "warehouse";
    /** Names stay as written; identifier lookups ignore case (BIGQUERY_EMULATION.md §2). */
    private static final String FLAGS = ";DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

    /**
     * The data directories whose database this JVM has open, with how many times: on Linux, closing any descriptor of
     * a file drops every lock the process holds on it, H2's lock on its open file included, so nothing else in this
     * JVM may open and close that file meanwhile ({@link UncleanFileRewrite} reads its header).
     */
    private static final java.util.Map<Path, Integer> OPEN_HERE = new java.util.concurrent.ConcurrentHashMap<>();

    private final String url;
    /** The data directory this database counts in {@link #OPEN_HERE} until it is closed (null in memory). */
    private Path registered;
    /** A file the warehouse decides the writes of ({@link H2StoreTiming}), whichever process hosts it. */
    private final boolean fileBacked;
    private final H2ConnectionPool pool;
    /** Keeps an in-memory database alive between pooled connections. */
    private final Connection anchor;

    private H2Database(String url, boolean anchored, Path dataDir) {
        this.url = url;
        this.registered = dataDir;
        this.fileBacked = dataDir != null;
        if (dataDir != null) {
            OPEN_HERE.merge(dataDir, 1, Integer::sum);
        }
        this.pool = new H2ConnectionPool(url);
        try {
            this.anchor = anchored ? H2Handover.connect(pool) : null;
        } catch (SQLException e) {
            pool.close();
            released();
            throw unavailable(url, e);
        }
    }

    /** Whether this JVM has the database of {@code dataDir} open (its file must then be left alone). */
    static boolean openHere(Path dataDir) {
        return OPEN_HERE.containsKey(dataDir.toAbsolutePath().normalize());
    }

    private synchronized void released() {
        if (registered != null) {
            OPEN_HERE.computeIfPresent(registered, (dir, count) -> count == 1 ? null : count - 1);
            registered = null;
        }
    }

    /** The file of {@link #file(Path)}'s database in {@code dataDir}. */
    static Path fileIn(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(FILE_BASE + ".mv.db");
    }

    /**
     * A file-backed database in {@code dataDir/warehouse.mv.db}. AUTO_SERVER lets a second dicombq process
     * (a {@code query} while {@code serve} runs) share it through a loopback TCP server the first one starts, and
     * AUTO_RECONNECT lets the others take over when that one exits. A 32 MB page cache: H2 keeps every page it writes
     * there, base64 private values included, and with 128 MB they lived on into the collector's old generation (a
     * realistic export 9 % slower, docs/BENCHMARKS.md session 17). H2 writes versions to disk when the warehouse says
     * ({@link H2StoreTiming}), past the page cache ({@link UncachedWritePath}).
     * H2 analyses a table being loaded after 2,000, 6,000, 14,000… rows, each time reading and hashing every value of
     * its first ANALYZE_SAMPLE rows: at H2's 10,000, the base64 private values of a 20,000-instance export were read
     * back almost once more (6 % of its CPU); 1,000 rows still give the planner its selectivities.
     */
    public static H2Database file(Path dataDir) {
        Path base = dataDir.toAbsolutePath().resolve(FILE_BASE);
        return new H2Database("jdbc:h2:" + UncachedWritePath.databaseName(base) + FLAGS
                + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;CACHE_SIZE=32768;ANALYZE_SAMPLE=1000" + H2StoreTiming.URL_SETTING,
                false, dataDir.toAbsolutePath().normalize());
    }

    public static H2Database inMemory(String name) {
        return new H2Database("jdbc:h2:mem:" + name + FLAGS, true, null);
    }

    public String url() {
        return url;
    }

    /** A pooled connection in auto-commit mode; the caller closes it. */
    public Connection connection() {
        try {
            Connection connection = H2Handover.connect(pool);
            if (fileBacked) {
                try {
                    // This process may have come to host the file since its last connection (AUTO_RECONNECT).
                    H2StoreTiming.takeOver(connection);
                } catch (RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
            return connection;
        } catch (SQLException e) {
            throw unavailable(url, e);
        }
    }

    /**
     * One line that says what is wrong with the database and what to do: H2's own message can run to pages (it
     * quotes the statement it was reading, a whole CREATE TABLE), so only its first sentence is kept.
     */
    private static DicombqException unavailable(String url, SQLException e) {
        Path file = UncachedWritePath.plainPath(url.substring(0, url.indexOf(';')).replaceFirst("^jdbc:h2:(file:)?", "")
                + ".mv.db");
        String cause = Jdbc.firstSentence(e.getMessage());
        String message = switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "the warehouse " + file + " is held by another program that does"
                    + " not share it (" + cause + "); stop that program or choose another --data-dir";
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.GENERAL_ERROR_1 ->
                    "the warehouse " + file + " is damaged and cannot be opened (" + cause + "); move that file aside"
                            + " (dicombq then starts an empty warehouse) and keep it: H2's org.h2.tools.Recover can"
                            + " salvage its rows";
            default -> "cannot open the warehouse " + file + ": " + cause;
        };
        return new DicombqException(new io.dicombq.domain.status.RpcError(Code.UNAVAILABLE, message), e);
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
        pool.close();
        released();
    }
}
