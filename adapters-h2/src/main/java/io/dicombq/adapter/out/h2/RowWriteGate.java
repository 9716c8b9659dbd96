package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Jdbc;

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
 * <p>H2 writes a version (1) at the end of a transaction once about 15 MB are unsaved and no transaction is open
 * (always clean), (2) from its background writer when nothing was written for WRITE_DELAY (500 ms), at any
 * moment, and (3) from a write that finds more than about 19 MB unsaved, also at any moment. Every transaction that
 * writes ROW values runs inside {@link #transaction} (a shared lock, one row or one bounded chunk), and while
 * they run, {@link #checkpointIfDue} writes a version every {@link #CADENCE_MILLIS} under the exclusive lock, so
 * no such transaction is open in it. With a version at least every 100 ms, (2) cannot fire unless one transaction
 * stays open for 400 ms, and (3) cannot fire unless 19 MB are written in 100 ms.
 */
public final class RowWriteGate {
    /** Well under H2's WRITE_DELAY of 500 ms, so its background writer never finds the store idle during a load. */
    public static final long CADENCE_MILLIS = 100;

    private final H2Database database;
    private final boolean persistent;
    private final LongSupplier nanoTime;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long lastCheckpoint;

    RowWriteGate(H2Database database, boolean persistent, LongSupplier nanoTime) {
        this.database = database;
        this.persistent = persistent;
        this.nanoTime = nanoTime;
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
            return work.get();
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

    /** Writes a clean version if the last one is {@link #CADENCE_MILLIS} old. */
    public void checkpointIfDue() {
        if (nanoTime.getAsLong() - lastCheckpoint >= TimeUnit.MILLISECONDS.toNanos(CADENCE_MILLIS)) {
            checkpoint();
        }
    }

    /**
     * Writes a version while no gated transaction is open: what a crash from now on rolls back to is clean. Called
     * before a load starts (H2's background writer may be due after an idle spell) and after it ends.
     */
    public void checkpoint() {
        if (!persistent || lock.getReadHoldCount() > 0) {
            // In memory there is nothing to reopen; inside a gated transaction the version would not be clean.
            return;
        }
        lock.writeLock().lock();
        try (Connection connection = database.connection()) {
            Jdbc.execute(connection, "CHECKPOINT");
            lastCheckpoint = nanoTime.getAsLong();
        } catch (SQLException e) {
            throw Jdbc.internal("CHECKPOINT", e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
