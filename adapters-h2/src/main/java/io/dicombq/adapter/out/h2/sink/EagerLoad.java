package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.RowWriteGate;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.PhysicalTables;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Loads a staged write's rows into an unlisted table on a background thread while the export is still staging, so
 * that commit only waits for the last batch instead of loading everything. It bets that the table's final schema
 * is the latest staged one (true for a new or replaced table unless the schema grew in the last batch): when a
 * batch brings a wider schema the load starts over with it, and after {@value #MAX_RESTARTS} restarts, or if the
 * final schema differs, commit loads the spill itself as before. Like the commit's load, it writes nothing a query
 * can see: the catalog swap does. Rows are committed a bounded chunk at a time ({@link ChunkedLoad}) into the
 * unlisted table, which the next open drops if the process dies, each chunk under the {@link RowWriteGate} (which
 * says why no transaction may stay open over ROW values).
 */
final class EagerLoad implements AutoCloseable {
    private static final int MAX_RESTARTS = 3;

    private final H2Warehouse warehouse;
    private final TableUri destination;
    private final SpillFile spill;
    private Thread thread;

    // Guarded by this: what the writer published, and what the loader has done with it.
    private TableSchema latest;
    private int published;
    private TableSchema loading;
    private int loaded;
    private boolean working;
    private boolean stopping;
    private boolean gaveUp;
    private RuntimeException failure;
    /** The unlisted table being loaded; null once handed over or dropped. */
    private TableEntry table;
    private int longestArray;

    EagerLoad(H2Warehouse warehouse, TableUri destination, SpillFile spill) {
        this.warehouse = warehouse;
        this.destination = destination;
        this.spill = spill;
    }

    /** Tells the loader that the spill now holds {@code batches} batches, the last staged with {@code schema}. */
    synchronized void published(TableSchema schema, int batches) {
        if (gaveUp || failure != null || stopping) {
            return;
        }
        latest = schema;
        published = batches;
        if (thread == null) {
            thread = new Thread(this::run, "dicombq-load-" + destination.path());
            thread.setDaemon(true);
            warehouse.track(this);
            thread.start();
        }
        notifyAll();
    }

    /**
     * Waits until every published batch is loaded and hands over the table if it has exactly {@code finalSchema};
     * empty if the bet was lost (the caller loads the spill itself and {@link #close} drops this table).
     */
    Optional<Loaded> finish(TableSchema finalSchema) {
        synchronized (this) {
            try {
                while (thread != null && failure == null && !gaveUp && (working || loaded < published || !latest.equals(loading))) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (thread == null || failure != null || gaveUp || !finalSchema.equals(loading)) {
                return Optional.empty();
            }
            stopping = true;
            notifyAll();
        }
        join();
        synchronized (this) {
            if (failure != null) {
                return Optional.empty();
            }
            Instant now = warehouse.clock().instant();
            TableEntry taken = new TableEntry(destination, table.physicalName(), finalSchema, now, now);
            table = null;
            return Optional.of(new Loaded(taken, longestArray));
        }
    }

    /** A loaded, unlisted table and the longest array in it (the UNNEST numbers table must cover it). */
    record Loaded(TableEntry table, int longestArray) {
    }

    /** Stops the loader and drops its table unless {@link #finish} handed it over. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        join();
        TableEntry leftover;
        synchronized (this) {
            leftover = table;
            table = null;
        }
        if (leftover != null) {
            warehouse.dropUnlistedQuietly(leftover);
        }
        warehouse.untrack(this);
    }

    private void join() {
        Thread loader;
        synchronized (this) {
            loader = thread;
        }
        if (loader == null || loader == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        while (loader.isAlive()) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (Connection connection = warehouse.database().connection()) {
            load(connection);
        } catch (SQLException e) {
            fail(Jdbc.internal("load", e));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void load(Connection connection) {
        RowInserter inserter = null;
        RowInserter.Stream stream = null;
        ChunkedLoad chunks = null;
        int restarts = 0;
        try {
            while (true) {
                TableSchema target;
                synchronized (this) {
                    while (!stopping && loaded == published && latest.equals(loading)) {
                        working = false;
                        notifyAll();
                        waitQuietly();
                    }
                    if (stopping) {
                        working = false;
                        notifyAll();
                        return;
                    }
                    working = true;
                    target = latest;
                }
                if (!target.equals(loading)) {
                    if (stream != null) {
                        stream.close();
                        stream = null;
                        dropCurrent(connection);
                        if (++restarts > MAX_RESTARTS) {
                            synchronized (this) {
                                gaveUp = true;
                                working = false;
                                notifyAll();
                            }
                            return;
                        }
                    }
                    // Its times are set when it is handed over (finish).
                    TableEntry created = new TableEntry(destination, Catalog.nextPhysicalName(connection), target,
                            Instant.EPOCH, Instant.EPOCH);
                    synchronized (this) {
                        table = created;
                    }
                    PhysicalTables.create(connection, created);
                    inserter = new RowInserter(connection, created.physicalSql(), target);
                    stream = inserter.stream();
                    chunks = new ChunkedLoad(connection, warehouse.rowWriteGate(), inserter, stream, spill);
                    synchronized (this) {
                        loading = target;
                        loaded = 0;
                    }
                }
                chunks.loadBatch(target);
                synchronized (this) {
                    loaded++;
                    longestArray = Math.max(longestArray, inserter.longestArray());
                }
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private void dropCurrent(Connection connection) {
        TableEntry current;
        synchronized (this) {
            current = table;
            table = null;
        }
        PhysicalTables.drop(connection, current.physicalSql());
    }

    private synchronized void fail(RuntimeException e) {
        failure = e;
        working = false;
        notifyAll();
    }

    private void waitQuietly() {
        try {
            wait();
        } catch (InterruptedException e) {
            stopping = true;
            Thread.currentThread().interrupt();
        }
    }
}
