package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.RowWriteGate;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.PhysicalTables;
import io.dicombq.adapter.out.h2.catalog.SchemaChange;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A staged write. Rows are checked against the schema of their batch and loaded, while staging goes on, into an H2
 * table the catalog does not know yet ({@link DirectLoad}); the warehouse shows nothing until commit. A write that
 * gives the table the export's schema commits that table itself; an append commits a copy of the destination's
 * rows followed by the staged ones. Commit makes the loaded table visible with one catalog transaction. Abort, an
 * exception, or a crash before that transaction leaves the destination exactly as it was.
 */
final class H2StagedWrite implements StagedWrite {
    private enum Status { OPEN, COMMITTED, ABORTED }

    /** How often an append starts over when the destination is replaced under it (concurrent appends). */
    private static final int APPEND_ATTEMPTS = 3;

    private final H2Warehouse warehouse;
    private final TableUri destination;
    private final WritePlan plan;
    /** Loads the staged rows while staging goes on. */
    private final DirectLoad direct;
    private long stagedRows;
    /** An append's staged rows, handed over by the loader at its first commit attempt (empty when none were staged). */
    private Optional<DirectLoad.Loaded> staged;
    /** Tables whose rows the commit copies inside H2 after the staged ones (a copy job); empty for other writes. */
    private final List<TableUri> copiedTables;
    private long copiedRows;
    private TableSchema stagedSchema = TableSchema.empty();
    private Status status = Status.OPEN;
    /** Recorded with the swap (Catalog.recordCommit) so that a dead writer's outcome can be told; null when none. */
    private String writeId;

    private H2StagedWrite(H2Warehouse warehouse, TableUri destination, WritePlan plan, List<TableUri> copiedTables) {
        this.warehouse = warehouse;
        this.destination = destination;
        this.plan = plan;
        this.copiedTables = List.copyOf(copiedTables);
        this.direct = new DirectLoad(warehouse, destination);
    }

    static H2StagedWrite begin(H2Warehouse warehouse, TableUri destination, WritePlan plan) {
        return begin(warehouse, destination, plan, List.of());
    }

    /** A write that also copies every row of {@code copiedTables}, in order, at commit, without reading them out of H2. */
    static H2StagedWrite begin(H2Warehouse warehouse, TableUri destination, WritePlan plan, List<TableUri> copiedTables) {
        try (Connection connection = warehouse.database().connection()) {
            warehouse.requireDataset(connection, destination.project(), destination.dataset());
        } catch (SQLException e) {
            throw Jdbc.internal("begin", e);
        }
        return new H2StagedWrite(warehouse, destination, plan, copiedTables);
    }

    @Override
    public synchronized void write(TableSchema schema, List<Row> rows) {
        requireOpen("write");
        // The schema only grows (port contract); refuse anything else before it can spoil the commit.
        requireGrowth(schema);
        direct.write(schema, rows);
        stagedSchema = schema;
        stagedRows += rows.size();
    }

    /**
     * Loads the staged rows into a new table nobody sees, then makes it the table in one catalog transaction. Only
     * that swap (and dropping the table it replaces) excludes queries; loading does not. An append copies the
     * destination's rows first (copy-on-append): no transaction over ROW values ever spans the load, so a crash at
     * any moment leaves a database H2 can reopen, with the destination as it was (see {@link RowWriteGate}).
     */
    @Override
    public void commit(TableSchema finalSchema) {
        commit(finalSchema, null);
    }

    /** The commit, with {@code writeId} (when not null) recorded in the swap's own transaction. */
    @Override
    public synchronized void commit(TableSchema finalSchema, String writeId) {
        requireOpen("commit");
        this.writeId = writeId;
        requireGrowth(finalSchema);
        try {
            // One writer to the table at a time, and the commit is on disk before it returns.
            warehouse.durably(destination, () -> {
                commitHeld(finalSchema);
                return null;
            });
        } catch (RuntimeException e) {
            if (status != Status.COMMITTED) {
                throw e;
            }
            // Only writing the version after the swap failed: the rows are the table's now (H2 writes them at close at
            // the latest), so reporting a failure would tell the caller that a committed write did not happen.
        } finally {
            if (status == Status.COMMITTED) {
                closeStaging();
            } else {
                abort();
            }
        }
    }

    private void commitHeld(TableSchema finalSchema) {
        try (Connection connection = warehouse.database().connection()) {
            warehouse.requireDataset(connection, destination.project(), destination.dataset());
            for (int attempt = 1; status == Status.OPEN; attempt++) {
                commitOnce(connection, finalSchema, attempt == APPEND_ATTEMPTS);
            }
        } catch (SQLException e) {
            throw Jdbc.internal("commit", e);
        }
    }

    /** One load and swap; leaves the write OPEN when an append must start over from a table replaced meanwhile. */
    private void commitOnce(Connection connection, TableSchema finalSchema, boolean lastAttempt) {
        Optional<TableEntry> existing = Catalog.table(connection, destination);
        if (plan == WritePlan.CREATE && existing.isPresent()) {
            // Someone created the table since the plan was made: BigQuery's create would fail the same way.
            throw H2Warehouse.alreadyExists(destination);
        }
        Load load = null;
        try {
            if (!plan.replacesSchema() && existing.isPresent()) {
                load = appendedCopy(connection, existing.get(), finalSchema);
            } else {
                TableEntry table = newTable(connection, finalSchema);
                load = new Load(table, null, 0, stagedRows); // dropped below if the copy fails
                load = new Load(table, null, 0, stagedRows + copyTables(connection, table));
            }
            swapIn(connection, load, existing, lastAttempt);
        } finally {
            if (status != Status.COMMITTED && load != null && !isStaged(load.table())) {
                warehouse.dropUnlistedQuietly(load.table());
            }
        }
    }

    /**
     * A loaded, unlisted table and the rows it must hold; for an append, the copier of the destination's rows and the
     * last row id copied.
     */
    private record Load(TableEntry table, TableCopier copier, long copiedUpTo, long rows) {
    }

    /**
     * A new, unlisted table holding the staged rows: for plans that replace the schema, the one loaded while staging
     * (widened to the final schema if the last batch was narrower); for an append to a missing table, a copy of it.
     */
    private TableEntry newTable(Connection connection, TableSchema finalSchema) {
        if (plan.replacesSchema()) {
            Optional<DirectLoad.Loaded> ready = direct.finish(finalSchema);
            if (ready.isPresent()) {
                Catalog.ensureNums(connection, ready.get().longestArray());
                return ready.get().table();
            }
        }
        Instant now = warehouse.clock().instant();
        TableEntry table = new TableEntry(destination, Catalog.nextPhysicalName(connection), finalSchema, now, now);
        PhysicalTables.create(connection, table);
        copyStaged(connection, table);
        return table;
    }

    /**
     * An append: a copy of the destination with the final schema (new columns empty), then the staged rows. The
     * copy is O(rows in the destination); see docs/BENCHMARKS.md for what that costs.
     */
    private Load appendedCopy(Connection connection, TableEntry existing, TableSchema finalSchema) {
        boolean rebuild = SchemaChange.between(existing.schema(), finalSchema, destination.path()).needsRebuild();
        Optional<Load> intoEmpty = loadedIntoEmpty(connection, existing, finalSchema, rebuild);
        if (intoEmpty.isPresent()) {
            return intoEmpty.get();
        }
        TableEntry appended = new TableEntry(destination, Catalog.nextPhysicalName(connection), finalSchema,
                existing.created(), warehouse.clock().instant());
        PhysicalTables.create(connection, appended);
        TableCopier copier = new TableCopier(connection, warehouse.rowWriteGate(), existing, appended, rebuild);
        long upTo = committedRowIds(copier::lastRowId);
        long copied = copier.copy(0, upTo);
        copyStaged(connection, appended);
        return new Load(appended, copier, upTo, copied + stagedRows + copyTables(connection, appended));
    }

    /**
     * An append to a destination without rows (a table just created for a load job, WRITE_EMPTY into an empty table):
     * the table the loader filled, widened to the final schema, is the appended table as it is, instead of a copy of
     * it; rows insertAll adds meanwhile are copied after the staged ones at the swap, as for any append. Only at the
     * first attempt of a write that copies no table, so that a later attempt still finds the staged rows alone.
     */
    private Optional<Load> loadedIntoEmpty(Connection connection, TableEntry existing, TableSchema finalSchema,
                                           boolean rebuild) {
        if (staged != null || !copiedTables.isEmpty()) {
            return Optional.empty();
        }
        if (committedRowIds(() -> TableCopier.lastRowId(connection, existing)) != 0) {
            return Optional.empty();
        }
        staged = direct.finish(finalSchema);
        if (staged.isEmpty()) {
            return Optional.empty();
        }
        Catalog.ensureNums(connection, staged.get().longestArray());
        TableEntry loaded = staged.get().table();
        TableEntry appended = new TableEntry(destination, loaded.physicalName(), finalSchema, existing.created(),
                loaded.modified());
        TableCopier copier = new TableCopier(connection, warehouse.rowWriteGate(), existing, appended, rebuild);
        return Optional.of(new Load(appended, copier, 0, stagedRows));
    }

    /** The last row id of the destination while no insertAll is in flight (they hold the read lock throughout). */
    private long committedRowIds(LongSupplier lastRowId) {
        warehouse.swapLock().writeLock().lock();
        try {
            return lastRowId.getAsLong();
        } finally {
            warehouse.swapLock().writeLock().unlock();
        }
    }

    /**
     * Points the catalog at the loaded table in one transaction and drops the table it replaces. An append first
     * copies the rows insertAll added to the destination since the copy; if the destination was replaced meanwhile,
     * the append starts over from the new one (ABORTED after {@link #APPEND_ATTEMPTS} tries).
     */
    private void swapIn(Connection connection, Load load, Optional<TableEntry> before, boolean lastAttempt) {
        RowWriteGate gate = warehouse.rowWriteGate();
        gate.checkpoint();
        warehouse.swapLock().writeLock().lock();
        try {
            Optional<TableEntry> current = Catalog.table(connection, destination);
            if (plan == WritePlan.CREATE && current.isPresent()) {
                throw H2Warehouse.alreadyExists(destination);
            }
            boolean changedMeanwhile = !current.map(TableEntry::physicalName).equals(before.map(TableEntry::physicalName));
            if (!plan.replacesSchema() && changedMeanwhile) {
                if (lastAttempt) {
                    throw new DicombqException(Code.ABORTED, "table " + destination + " was replaced " + APPEND_ATTEMPTS
                            + " times while rows were being appended to it; nothing was written, run the write again");
                }
                return;
            }
            long rows = load.rows();
            if (load.copier() != null) {
                rows += load.copier().copy(load.copiedUpTo(), load.copier().lastRowId());
            }
            TableEntry loaded = load.table();
            requireLoaded(connection, loaded, rows);
            TableEntry swapped = new TableEntry(destination, loaded.physicalName(), loaded.schema(),
                    current.map(TableEntry::created).orElse(loaded.created()), loaded.modified());
            Jdbc.inTransaction(connection, c -> {
                if (current.isPresent()) {
                    Catalog.updateTable(c, swapped);
                } else {
                    Catalog.insertTable(c, swapped);
                }
                if (writeId != null) {
                    Catalog.recordCommit(c, writeId, warehouse.clock().instant());
                }
                return null;
            });
            status = Status.COMMITTED;
            if (isStaged(loaded)) {
                staged = Optional.empty(); // it is the table now: closeStaging must not drop it
            }
            // The swap is done; a replaced table that cannot be dropped now is unlisted and dropped at the next open.
            current.ifPresent(warehouse::dropUnlistedQuietly);
        } finally {
            warehouse.swapLock().writeLock().unlock();
        }
    }

    /**
     * Checks that the loaded table holds every row meant for it before it becomes the table: a load that lost rows
     * (the process serving the database through AUTO_SERVER ended, and the connection moved to the next one) must
     * not be swapped in.
     */
    private void requireLoaded(Connection connection, TableEntry loaded, long rows) {
        long found = Jdbc.query(connection, "SELECT COUNT(*) FROM " + loaded.physicalSql(), rs -> rs.getLong(1)).get(0);
        if (found != rows) {
            throw new DicombqException(Code.ABORTED, "the write to " + destination + " was interrupted (" + found
                    + " of " + rows + " rows loaded; another dicombq process sharing the warehouse may have ended);"
                    + " nothing was written, run it again");
        }
    }

    /**
     * Copies an append's staged rows, in staging order, after the rows already in {@code target} (inside H2,
     * {@link TableCopier}); the loader hands its table over at the first attempt and later attempts copy it again.
     */
    private void copyStaged(Connection connection, TableEntry target) {
        if (staged == null) {
            staged = direct.finish(stagedSchema);
        }
        if (staged.isEmpty()) {
            return;
        }
        TableCopier.copyAll(connection, warehouse.rowWriteGate(), staged.get().table(), target, destination.path());
        Catalog.ensureNums(connection, staged.get().longestArray());
    }

    /**
     * Copies the rows of the copied tables into {@code target} inside H2 ({@link TableCopier}), each under the swap
     * lock's read side so that it stays the table it is while it is read; returns how many rows that was.
     */
    private long copyTables(Connection connection, TableEntry target) {
        long copied = 0;
        for (TableUri source : copiedTables) {
            warehouse.swapLock().readLock().lock();
            try {
                TableEntry from = warehouse.requireTable(connection, source);
                copied += TableCopier.copyAll(connection, warehouse.rowWriteGate(), from, target, destination.path());
            } finally {
                warehouse.swapLock().readLock().unlock();
            }
        }
        copiedRows = copied;
        return copied;
    }

    /** Whether {@code table} is the loader's own table, which a later attempt copies from (closeStaging drops it). */
    private boolean isStaged(TableEntry table) {
        return staged != null && staged.isPresent()
                && staged.get().table().physicalName().equals(table.physicalName());
    }

    /** The rows the commit copied from the copied tables. */
    synchronized long copiedRows() {
        return copiedRows;
    }

    @Override
    public synchronized void abort() {
        if (status != Status.OPEN) {
            return;
        }
        status = Status.ABORTED;
        closeStaging();
    }

    @Override
    public void close() {
        abort();
    }

    /** Stops the loader and drops every unlisted table of the staged rows (the committed one is listed by now). */
    private void closeStaging() {
        direct.close();
        if (staged != null && staged.isPresent()) {
            warehouse.dropUnlistedQuietly(staged.get().table());
        }
    }

    private void requireGrowth(TableSchema schema) {
        if (!stagedSchema.isEmpty()) {
            SchemaChange.between(stagedSchema, schema, "the staged write to " + destination.path());
        }
    }

    private void requireOpen(String action) {
        if (status != Status.OPEN) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "cannot " + action + " a staged write to "
                    + destination + " that was already " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
