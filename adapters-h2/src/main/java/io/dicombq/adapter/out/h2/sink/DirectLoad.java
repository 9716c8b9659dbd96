package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.RowWriteGate;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.PhysicalTables;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.h2.value.Value;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a staged write's rows into an unlisted table on a background thread while the export goes on. The writer
 * converts and checks each batch ({@link RowValues}) and the loader inserts it, so rows go from memory into H2 with
 * no staging file: writing one, reading it back and decoding it cost a realistic export about a tenth of its CPU
 * (docs/BENCHMARKS.md, session 10).
 *
 * <p>Schemas only grow (the port's contract). When a batch comes with a wider schema, the loader goes on in a new
 * table of that schema and keeps the narrower one; at the end it copies the rows of the narrower tables, each once,
 * into the last table inside H2 ({@link TableCopier}). Every row is inserted with its position in the write as its
 * row id, so those copied at the end take their places before the others and the table keeps the staging order.
 * Moving every row loaded so far at each widening instead copied a realistic export's first rows four times over
 * while the JIT was still cold, on the export's one serial stage (docs/BENCHMARKS.md, session 19). Like commit's
 * load it writes nothing a query can see: the catalog swap does. Rows are
 * committed a bounded chunk at a time, each chunk under the {@link RowWriteGate} (which says why no transaction may
 * stay open over ROW values), into unlisted tables, which the next open drops if the process dies.
 */
final class DirectLoad implements AutoCloseable {
    /**
     * Converted rows waiting for the loader (H2's estimate of their size, about twice the real one): one batch is
     * always let through. About three batches of wide rows (the export bounds them, ExportPipeline.BATCH_BYTES), so
     * the loader, the export's one serial stage, has the next batch ready while the writer converts another.
     */
    private static final long MAX_QUEUED_BYTES = 32L * 1024 * 1024;

    private final H2Warehouse warehouse;
    private final TableUri destination;
    /** Used by the writing thread only (write is called by one thread at a time). */
    private final H2Values converter = new H2Values();
    private RowValues rowValues;

    // Guarded by this: the batches not loaded yet (the head is the one loading), and the loader's state.
    private final ArrayDeque<Batch> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean working;
    private boolean stopping;
    private RuntimeException failure;
    private Thread thread;
    /** Unlisted tables this load made and still owns: dropped by close unless handed over. */
    private final List<TableEntry> owned = new ArrayList<>();

    // The loader thread's own.
    private TableEntry table;
    private boolean tableHasRows;
    /** Rows inserted so far, in every table: the next row's row id is one more. */
    private long position;
    private RowInserter.Stream stream;
    /** Tables of earlier, narrower schemas that hold rows, in order: appended to the last table at the end. */
    private final List<TableEntry> narrower = new ArrayList<>();

    /** Rows of one schema; {@code last} marks the end of the write (no rows, the final schema). */
    private record Batch(TableSchema schema, List<Value[]> rows, long[] sizes, long bytes, boolean last) {
    }

    /** A loaded, unlisted table and the longest array in it (the UNNEST numbers table must cover it). */
    record Loaded(TableEntry table, int longestArray) {
    }

    DirectLoad(H2Warehouse warehouse, TableUri destination) {
        this.warehouse = warehouse;
        this.destination = destination;
    }

    /**
     * Checks and converts the rows to {@code schema}'s columns (a row that does not fit is INVALID_ARGUMENT naming
     * row and column, and nothing of the batch is queued), then queues them; waits while the loader is behind.
     */
    void write(TableSchema schema, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (rowValues == null || !rowValues.isFor(schema)) {
            rowValues = new RowValues(schema, converter);
        }
        List<Value[]> values = new ArrayList<>(rows.size());
        long[] sizes = new long[rows.size()];
        long bytes = 0;
        for (int i = 0; i < rows.size(); i++) {
            Value[] converted = rowValues.of(rows.get(i), i);
            for (Value value : converted) {
                sizes[i] += value.getMemory();
            }
            bytes += sizes[i];
            values.add(converted);
        }
        enqueue(new Batch(schema, values, sizes, bytes, false));
    }

    /**
     * Waits until every queued row is loaded and hands over the table, widened to {@code finalSchema} if the last
     * batch had a narrower one; empty if no row was written. The loader's failure, if any, is thrown.
     */
    Optional<Loaded> finish(TableSchema finalSchema) {
        synchronized (this) {
            if (thread == null) {
                return Optional.empty();
            }
        }
        enqueue(new Batch(finalSchema, List.of(), new long[0], 0, true));
        synchronized (this) {
            try {
                while (failure == null && (working || !queue.isEmpty())) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted();
            }
            throwFailure();
            stopping = true;
            notifyAll();
        }
        join();
        synchronized (this) {
            throwFailure();
            Instant now = warehouse.clock().instant();
            TableEntry loaded = table;
            owned.remove(loaded);
            table = null;
            return Optional.of(new Loaded(new TableEntry(destination, loaded.physicalName(), finalSchema, now, now),
                    converter.longestArray()));
        }
    }

    /** Stops the loader and drops its tables unless {@link #finish} handed one over. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            queue.clear();
            notifyAll();
        }
        join();
        List<TableEntry> leftovers;
        synchronized (this) {
            leftovers = List.copyOf(owned);
            owned.clear();
        }
        leftovers.forEach(warehouse::dropUnlistedQuietly);
        warehouse.untrack(this);
    }

    private synchronized void enqueue(Batch batch) {
        throwFailure();
        if (stopping) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "the staged write to " + destination + " was closed");
        }
        try {
            while (!queue.isEmpty() && queuedBytes + batch.bytes() > MAX_QUEUED_BYTES && failure == null) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
        throwFailure();
        queue.add(batch);
        queuedBytes += batch.bytes();
        if (thread == null) {
            thread = new Thread(this::run, "dicombq-load-" + destination.path());
            thread.setDaemon(true);
            warehouse.track(this);
            thread.start();
        }
        notifyAll();
    }

    private void run() {
        try (Connection connection = warehouse.database().connection()) {
            load(connection);
        } catch (SQLException e) {
            fail(Jdbc.internal("load", e));
        } catch (RuntimeException | Error e) {
            fail(e instanceof RuntimeException runtime ? runtime
                    : new DicombqException(new RpcError(Code.INTERNAL, "loading rows into " + destination + " failed: " + e), e));
        } finally {
            closeStream();
        }
    }

    private void load(Connection connection) {
        while (true) {
            Batch batch;
            synchronized (this) {
                while (!stopping && queue.isEmpty()) {
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
                batch = queue.peek();
            }
            if (table == null || !table.schema().equals(batch.schema())) {
                widen(connection, batch.schema());
            }
            if (batch.last()) {
                appendNarrower(connection);
            } else {
                insert(connection, batch);
            }
            synchronized (this) {
                queue.poll();
                queuedBytes -= batch.bytes();
                notifyAll();
            }
        }
    }

    /** Goes on in a new table of {@code schema}, keeping the current one for the end if it holds rows. */
    private void widen(Connection connection, TableSchema schema) {
        closeStream();
        // Its times are set when it is handed over (finish).
        TableEntry wider = new TableEntry(destination, Catalog.nextPhysicalName(connection), schema,
                Instant.EPOCH, Instant.EPOCH);
        synchronized (this) {
            owned.add(wider);
        }
        PhysicalTables.create(connection, wider);
        if (table != null && tableHasRows) {
            narrower.add(table);
        } else if (table != null) {
            drop(connection, table);
        }
        table = wider;
        tableHasRows = false;
        stream = new RowInserter(connection, wider.physicalSql(), schema).keyedStream();
    }

    /** Copies the rows of the narrower tables into the last one (whose schema extends theirs), at their positions. */
    private void appendNarrower(Connection connection) {
        closeStream();
        for (TableEntry earlier : narrower) {
            TableCopier.copyAllKeepingRowIds(connection, warehouse.rowWriteGate(), earlier, table, destination.path());
            drop(connection, earlier);
        }
        narrower.clear();
    }

    private void drop(Connection connection, TableEntry loaded) {
        PhysicalTables.drop(connection, loaded.physicalSql());
        synchronized (this) {
            owned.remove(loaded);
        }
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /**
     * Inserts rows a bounded chunk at a time ({@link RowWriteGate#TRANSACTION_ROWS} rows, about
     * {@link RowWriteGate#TRANSACTION_BYTES} bytes), each chunk one transaction under the gate: committing row by
     * row cost H2 a commit per row, and the gate needs every transaction over ROW values short.
     */
    private void insert(Connection connection, Batch batch) {
        RowWriteGate gate = warehouse.rowWriteGate();
        List<Value[]> rows = batch.rows();
        int[] next = {0};
        while (next[0] < rows.size()) {
            // A failed chunk is rolled back inside the gate, so no transaction outlives it.
            gate.run(() -> Jdbc.inTransaction(connection, c -> {
                long bytes = 0;
                for (int n = 0; n < RowWriteGate.TRANSACTION_ROWS && bytes < RowWriteGate.TRANSACTION_BYTES
                        && next[0] < rows.size(); n++) {
                    bytes += batch.sizes()[next[0]];
                    stream.insertAt(++position, rows.get(next[0]));
                    tableHasRows = true;
                    // Let the row's values go now, not with the whole batch: they would outlive young collections.
                    rows.set(next[0]++, null);
                }
                return null;
            }));
        }
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

    private synchronized void fail(RuntimeException e) {
        failure = e;
        working = false;
        notifyAll();
    }

    private void throwFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private DicombqException interrupted() {
        return new DicombqException(Code.ABORTED, "interrupted while rows were being staged for " + destination);
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
