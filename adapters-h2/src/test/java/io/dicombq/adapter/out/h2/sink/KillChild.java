package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtSmallRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link KillTest}, which kills it with SIGKILL as soon as it prints {@code AT}. The kill
 * point is chosen by observable progress, never by a delay: after the n-th batch staged, or right after H2 wrote
 * its n-th version of the database to disk since the write began (the moment a version holding a half-done write
 * becomes what a crash leaves), or when the write is done.
 *
 * <p>Arguments: data directory, kind, n, first row number.
 */
public final class KillChild {
    static final TableUri MAIN = new TableUri("kill-project", "ds", "main");
    static final TableUri SIDE = new TableUri("kill-project", "ds", "side");
    static final TableUri FIXED = new TableUri("kill-project", "ds", "fixed");
    /** Rows an append or overwrite stages, in batches of {@link #BATCH}. */
    static final int STAGED = 300;
    static final int BATCH = 100;
    /** Rows of one insertAll request. */
    static final int REQUEST = 100;
    /** The column that adding a column to the side table adds (one name a round). */
    static Column added(int first) {
        return Column.of("KillNote" + first, ColumnType.STRING, Mode.NULLABLE);
    }

    /** What the child writes when it is killed. */
    enum Kind {
        /** An append to the main table, killed after the n-th batch is staged (before commit). */
        APPEND_STAGING,
        /** An append to the main table, killed right after the n-th version H2 writes during its commit. */
        APPEND_COMMIT,
        /** An overwrite of the side table (loaded while staging), killed after the n-th version written. */
        OVERWRITE,
        /** insertAll requests into the main table, killed after the n-th version written. */
        INSERT_ALL,
        /** A column added to the side table through the API (a copy), killed after the n-th version written. */
        ADD_COLUMN
    }

    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        H2Warehouse warehouse = H2Warehouse.open(Path.of(args[0]));
        Kind kind = Kind.valueOf(args[1]);
        int n = Integer.parseInt(args[2]);
        int first = Integer.parseInt(args[3]);
        switch (kind) {
            case APPEND_STAGING -> {
                StagedWrite write = warehouse.tableSink().begin(MAIN, WritePlan.APPEND);
                List<Row> rows = rows(first, STAGED);
                for (int batch = 0; batch * BATCH < rows.size(); batch++) {
                    write.write(CtSmallRows.schema(), rows.subList(batch * BATCH, (batch + 1) * BATCH));
                    if (batch + 1 == n) {
                        at();
                    }
                }
                at();
            }
            case APPEND_COMMIT -> stagedWrite(warehouse, MAIN, WritePlan.APPEND, first, n, false);
            case OVERWRITE -> stagedWrite(warehouse, SIDE, WritePlan.OVERWRITE, first, n, true);
            case INSERT_ALL -> {
                Versions versions = Versions.watch(warehouse, n);
                for (int request = 0; ; request++) {
                    warehouse.insertRows(MAIN, rows(first + request * REQUEST, REQUEST));
                    versions.check();
                }
            }
            case ADD_COLUMN -> {
                Versions versions = Versions.watch(warehouse, n);
                List<Column> columns = new ArrayList<>(warehouse.tableSchema(SIDE).orElseThrow().columns());
                columns.add(added(first));
                warehouse.updateSchema(SIDE, new TableSchema(columns));
                versions.check();
                at();
            }
        }
        Thread.sleep(600_000);
    }

    private static void stagedWrite(H2Warehouse warehouse, TableUri table, WritePlan plan, int first, int n,
                                    boolean watchStaging) {
        Versions versions = watchStaging ? Versions.watch(warehouse, n) : null;
        StagedWrite write = warehouse.tableSink().begin(table, plan);
        List<Row> rows = rows(first, STAGED);
        for (int batch = 0; batch * BATCH < rows.size(); batch++) {
            write.write(CtSmallRows.schema(), rows.subList(batch * BATCH, (batch + 1) * BATCH));
        }
        if (versions == null) {
            versions = Versions.watch(warehouse, n);
        }
        write.commit(CtSmallRows.schema());
        versions.check();
        at();
    }

    /** Wide CT rows (179 private elements each) numbered from {@code first}: SOPInstanceUID ends with the number. */
    static List<Row> rows(int first, int count) {
        List<Row> rows = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            rows.add(CtSmallRows.instance(7, i / 1000, 1, i));
        }
        return rows;
    }

    static void at() {
        System.out.println("AT");
        System.out.flush();
    }

    /**
     * Watches the versions H2 writes to disk (the version of the last chunk in the file moves on once one is written) and
     * prints {@code AT} right after the n-th since {@link #watch}, from a thread of its own so that the write keeps
     * going while the parent kills this process.
     */
    static final class Versions {
        private final Thread thread;
        private volatile Throwable failure;

        private Versions(MVStore store, int n) {
            long start = store.getFileStore().lastChunkVersion();
            thread = new Thread(() -> {
                try {
                    while (store.getFileStore().lastChunkVersion() - start < n) {
                        // Polls without taking a core from the writer (the test machine has two).
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    }
                    at();
                } catch (Throwable e) {
                    failure = e;
                }
            }, "kill-watch");
            thread.setDaemon(true);
            thread.start();
        }

        static Versions watch(H2Warehouse warehouse, int n) {
            try (Connection connection = warehouse.database().connection()) {
                SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
                return new Versions(session.getDatabase().getStore().getMvStore(), n);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void check() {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
