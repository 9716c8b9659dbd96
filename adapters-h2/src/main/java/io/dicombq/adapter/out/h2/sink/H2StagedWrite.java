package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.H2Warehouse;
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

/**
 * A staged write. Rows are checked against the schema of their batch and kept in a {@link SpillFile}; the
 * warehouse sees nothing until commit. Commit loads them into an H2 table the catalog does not know yet (or,
 * for an append with unchanged columns, inside the same transaction as the catalog update) and then makes
 * them visible with one catalog transaction. Abort, an exception, or a crash before that transaction leaves
 * the destination exactly as it was.
 */
final class H2StagedWrite implements StagedWrite {
    private enum Status { OPEN, COMMITTED, ABORTED }

    private final H2Warehouse warehouse;
    private final TableUri destination;
    private final WritePlan plan;
    private final SpillFile spill;
    private TableSchema stagedSchema = TableSchema.empty();
    private Status status = Status.OPEN;

    private H2StagedWrite(H2Warehouse warehouse, TableUri destination, WritePlan plan, SpillFile spill) {
        this.warehouse = warehouse;
        this.destination = destination;
        this.plan = plan;
        this.spill = spill;
    }

    static H2StagedWrite begin(H2Warehouse warehouse, TableUri destination, WritePlan plan) {
        try (Connection connection = warehouse.database().connection()) {
            warehouse.requireDataset(connection, destination.project(), destination.dataset());
        } catch (SQLException e) {
            throw Jdbc.internal("begin", e);
        }
        return new H2StagedWrite(warehouse, destination, plan, SpillFile.create(warehouse.stagingDirectory()));
    }

    @Override
    public synchronized void write(TableSchema schema, List<Row> rows) {
        requireOpen("write");
        // The schema only grows (port contract); refuse anything else before it can spoil the commit.
        requireGrowth(schema);
        spill.append(schema, rows);
        stagedSchema = schema;
    }

    /**
     * Loads the staged rows where nobody sees them, then makes them visible in one catalog transaction. Only that
     * swap (and dropping the table it replaces) excludes queries; loading does not.
     */
    @Override
    public synchronized void commit(TableSchema finalSchema) {
        requireOpen("commit");
        requireGrowth(finalSchema);
        TableEntry loaded = null;
        try (Connection connection = warehouse.database().connection()) {
            warehouse.requireDataset(connection, destination.project(), destination.dataset());
            Optional<TableEntry> existing = Catalog.table(connection, destination);
            if (plan == WritePlan.CREATE && existing.isPresent()) {
                // Someone created the table since the plan was made: BigQuery's create would fail the same way.
                throw H2Warehouse.alreadyExists(destination);
            }
            if (!plan.replacesSchema() && existing.isPresent()) {
                SchemaChange change = SchemaChange.between(existing.get().schema(), finalSchema, destination.path());
                if (change.isNone()) {
                    appendInPlace(connection, existing.get());
                    status = Status.COMMITTED;
                    return;
                }
                loaded = widenedCopy(connection, existing.get(), finalSchema, change);
            } else {
                loaded = newTable(connection, finalSchema);
            }
            swapIn(connection, loaded, existing);
        } catch (SQLException e) {
            throw Jdbc.internal("commit", e);
        } finally {
            if (status == Status.COMMITTED) {
                spill.close();
            } else {
                dropQuietly(loaded);
                abort();
            }
        }
    }

    /** An append that adds no column: the rows and the catalog's modification time in one transaction. */
    private void appendInPlace(Connection connection, TableEntry existing) {
        TableEntry touched = new TableEntry(destination, existing.physicalName(), existing.schema(), existing.created(),
                warehouse.clock().instant());
        Jdbc.inTransaction(connection, c -> {
            insertStaged(c, touched);
            Catalog.updateTable(c, touched);
            return null;
        });
    }

    /** A new, unlisted table holding the staged rows. */
    private TableEntry newTable(Connection connection, TableSchema finalSchema) {
        Instant now = warehouse.clock().instant();
        TableEntry table = new TableEntry(destination, Catalog.nextPhysicalName(connection), finalSchema, now, now);
        load(connection, table);
        return table;
    }

    /** An append that adds columns: a copy of the destination with the final schema, plus the staged rows. */
    private TableEntry widenedCopy(Connection connection, TableEntry existing, TableSchema finalSchema, SchemaChange change) {
        TableEntry widened = new TableEntry(destination, Catalog.nextPhysicalName(connection), finalSchema,
                existing.created(), warehouse.clock().instant());
        PhysicalTables.create(connection, widened.physicalSql(), finalSchema);
        PhysicalTables.createIndexes(connection, widened.physicalSql(), finalSchema);
        TableCopier.copy(connection, existing.physicalSql(), existing.schema(), widened.physicalSql(), finalSchema,
                change.needsRebuild());
        insertStaged(connection, widened);
        return widened;
    }

    /** Points the catalog at {@code loaded} in one transaction and drops the table it replaces. */
    private void swapIn(Connection connection, TableEntry loaded, Optional<TableEntry> before) {
        warehouse.swapLock().writeLock().lock();
        try {
            Optional<TableEntry> current = Catalog.table(connection, destination);
            if (plan == WritePlan.CREATE && current.isPresent()) {
                throw H2Warehouse.alreadyExists(destination);
            }
            boolean changedMeanwhile = !current.map(TableEntry::physicalName).equals(before.map(TableEntry::physicalName));
            if (!plan.replacesSchema() && changedMeanwhile) {
                // The copy was made from a table that has since been replaced: appending to it would lose rows.
                throw new DicombqException(Code.ABORTED, "table " + destination + " changed while rows were being"
                        + " appended to it; nothing was written, run the write again");
            }
            TableEntry swapped = new TableEntry(destination, loaded.physicalName(), loaded.schema(),
                    current.map(TableEntry::created).orElse(loaded.created()), loaded.modified());
            Jdbc.inTransaction(connection, c -> {
                if (current.isPresent()) {
                    Catalog.updateTable(c, swapped);
                } else {
                    Catalog.insertTable(c, swapped);
                }
                return null;
            });
            status = Status.COMMITTED;
            // The swap is done; a replaced table that cannot be dropped now is unlisted and dropped at the next open.
            current.ifPresent(replaced -> dropQuietly(replaced));
        } finally {
            warehouse.swapLock().writeLock().unlock();
        }
    }

    private void dropQuietly(TableEntry table) {
        if (table == null) {
            return;
        }
        try (Connection connection = warehouse.database().connection()) {
            PhysicalTables.drop(connection, table.physicalSql());
        } catch (SQLException | RuntimeException e) {
            // An unlisted table is invisible and dropped at the next open.
        }
    }

    /**
     * Creates and indexes the table, then fills it. Keeping the narrow indexes up to date row by row is cheaper than
     * building them afterwards: that build scans the table and decodes every wide row (nested private elements
     * included) from the file again.
     */
    private void load(Connection connection, TableEntry table) {
        PhysicalTables.create(connection, table.physicalSql(), table.schema());
        PhysicalTables.createIndexes(connection, table.physicalSql(), table.schema());
        insertStaged(connection, table);
    }

    /**
     * Replays the staged rows into the table one at a time. Into an unlisted table H2 auto-commits each row, which
     * measured faster than committing every few thousand (pages written with uncommitted rows are written again
     * after the commit); visibility comes from the catalog swap either way.
     */
    private void insertStaged(Connection connection, TableEntry table) {
        if (spill.rows() == 0) {
            return;
        }
        RowInserter inserter = new RowInserter(connection, table.physicalSql(), table.schema());
        try (RowInserter.Stream stream = inserter.stream()) {
            spill.replay(table.schema(), inserter.converter(), stream::insert, stream::insert);
        }
        Catalog.ensureNums(connection, inserter.longestArray());
    }

    @Override
    public synchronized void abort() {
        if (status != Status.OPEN) {
            return;
        }
        status = Status.ABORTED;
        spill.close();
    }

    @Override
    public void close() {
        abort();
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
