package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps the versions H2 writes to disk free of open transactions over tables with ROW columns, because H2 2.3
 * cannot reopen a file whose last version holds one: at open it rolls the transaction back through a map whose
 * ROW types it lost, and fails (see docs/warehouse.md, "Crash safety").
 *
 * <p>{@link H2StoreTiming} leaves H2 writing a version on its own only when no transaction is open, or at close
 * after rolling the open ones back; every other version is one this gate writes ({@link #checkpoint}). Every
 * transaction that writes ROW values runs inside {@link #transaction} (a shared lock, one row or one bounded chunk
 * or request), and a checkpoint runs under the exclusive lock, both holding the {@link WriterLease} so that other
 * processes sharing the database are excluded too: no version on disk ever holds such a transaction. While loads
 * run, a checkpoint is due every {@link #CADENCE_MILLIS}, which bounds what a crash loses and what H2 keeps unsaved
 * in memory; it is not what keeps the file openable. A checkpoint is also due once the unsaved pages reach
 * {@link #CHUNK_BYTES}, so that each version H2 writes fits the write buffer it reuses.
 */
public final class RowWriteGate {
    /** How often a load writes a version: what a crash loses of it, and the unsaved memory it lets pile up. */
    public static final long CADENCE_MILLIS = 100;
    /**
     * Unsaved page memory past which a load writes a version before its cadence is up. H2 serialises a version into
     * a write buffer it keeps for the next one only up to 4 MB; a larger version grows a fresh buffer by halves, and
     * wide rows (10-40 KB of base64 private values each) made that a sixth of a realistic export's allocations.
     */
    static final int CHUNK_BYTES = 3 * 1024 * 1024;
    /**
     * Most rows a load writes in one transaction. Committing a chunk rather than each row saves H2's per-commit work,
     * while the chunk stays far below what a checkpoint would find unsaved (an insertAll request holds up to 500).
     */
    public static final int TRANSACTION_ROWS = 256;
    /** Most staged bytes a load writes in one transaction (about what H2 keeps of them unsaved until it commits). */
    public static final int TRANSACTION_BYTES = 1024 * 1024;

    private final H2Database database;
    private final boolean persistent;
    private final LongSupplier nanoTime;
    private final WriterLease lease;
    private final EarlyWriteBack writeBack;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long lastCheckpoint;
    /** The store this process hosts, as seen at the last checkpoint; null before it or while another process hosts it. */
    private volatile MVStore hosted;

    RowWriteGate(H2Database database, boolean persistent, LongSupplier nanoTime, WriterLease lease) {
        this(database, persistent, nanoTime, lease, new EarlyWriteBack());
    }

    RowWriteGate(H2Database database, boolean persistent, LongSupplier nanoTime, WriterLease lease,
                 EarlyWriteBack writeBack) {
        this.database = database;
        this.persistent = persistent;
        this.nanoTime = nanoTime;
        this.lease = lease;
        this.writeBack = writeBack;
        this.lastCheckpoint = nanoTime.getAsLong();
    }

    /**
     * Runs one short transaction that writes ROW values (an auto-committed row, a bounded chunk, or an insertAll
     * request), after a checkpoint if one is due. Never nest: the work must not call back into the gate.
     */
    public <T> T transaction(Supplier<T> work) {
        checkpointIfDue();
        lock.readLock().lock();
        try {
            return lease.hold(work);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@link #transaction(Supplier)} for work without a result. */
    public void run(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Takes a clean version if the last one is {@link #CADENCE_MILLIS} old or {@link #CHUNK_BYTES} are unsaved, and
     * leaves its writing to H2's serialising and saving threads ({@link H2StoreTiming}): the caller goes on loading
     * while the version's pages are serialised and written. The version is the one taken here, under the exclusive
     * lock, so it holds no gated transaction however long the writing takes; {@link #checkpoint} waits for it.
     */
    public void checkpointIfDue() {
        MVStore store = hosted;
        if (nanoTime.getAsLong() - lastCheckpoint >= TimeUnit.MILLISECONDS.toNanos(CADENCE_MILLIS)
                || store != null && store.getUnsavedMemory() >= CHUNK_BYTES) {
            if (store == null || store.isClosed() || !persistent || lock.getReadHoldCount() > 0) {
                // not hosted here (yet), or hosted no longer: the SQL checkpoint reaches the store and finds it again
                checkpoint();
                return;
            }
            lock.writeLock().lock();
            try {
                lease.run(store::tryCommit);
                lastCheckpoint = nanoTime.getAsLong();
            } finally {
                lock.writeLock().unlock();
            }
            writeBack.afterVersion(store);
        }
    }

    /**
     * H2's estimate of the memory its changes since the last version hold (about twice their data), or -1 where this
     * process does not host the store or has not taken a version yet; a gated transaction reads it before and after
     * its work to learn what its rows took.
     */
    public long unsavedBytes() {
        MVStore store = hosted;
        return store == null || store.isClosed() ? -1 : store.getUnsavedMemory();
    }

    /** Ends the early write-back: waits for one running, so the close's own fsync follows it. */
    void close() {
        writeBack.close();
    }

    /**
     * Writes a version while no gated transaction is open in any process, and returns once it and every version handed
     * over before it are in the file (H2's CHECKPOINT: MVStore.commit, which queues behind them on H2's writing threads;
     * {@link Catalog#markCheckpoint} gives it a version to write even when nothing else changed, in whichever process
     * hosts the file): what a crash from now on leaves is clean, and holds every write that returned before this call.
     * Writes call it before they report success.
     */
    public void checkpoint() {
        if (!persistent || lock.getReadHoldCount() > 0) {
            // In memory there is nothing to reopen; inside a gated transaction the version would not be clean.
            return;
        }
        lock.writeLock().lock();
        try (Connection connection = database.connection()) {
            lease.run(() -> {
                Catalog.markCheckpoint(connection);
                Jdbc.execute(connection, "CHECKPOINT");
            });
            lastCheckpoint = nanoTime.getAsLong();
            hosted = H2StoreTiming.hostedStore(connection);
            if (hosted != null) {
                writeBack.afterVersion(hosted);
            }
        } catch (SQLException e) {
            throw Jdbc.internal("CHECKPOINT", e);
        } catch (ReflectiveOperationException e) {
            // H2StoreTiming reached the same fields when this connection was opened
            throw new IllegalStateException("cannot read the store H2 hosts", e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
