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
    private static final int CHUNK = 2_000;

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
        new RowInserter(null, "staging", schema).validate(rows);
        stagedSchema = schema;
        spill.append(rows);
    }

    @Override
    public synchronized void commit(TableSchema finalSchema) {
        requireOpen("commit");
        requireGrowth(finalSchema);
        warehouse.swapLock().writeLock().lock();
        try (Connection connection = warehouse.database().connection()) {
            warehouse.requireDataset(connection, destination.project(), destination.dataset());
            Optional<TableEntry> existing = Catalog.table(connection, destination);
            if (plan == WritePlan.CREATE && existing.isPresent()) {
                // Someone created the table since the plan was made: BigQuery's create would fail the same way.
                throw H2Warehouse.alreadyExists(destination);
            }
            String replaced = plan.replacesSchema() || existing.isEmpty()
                    ? replace(connection, existing, finalSchema)
                    : append(connection, existing.get(), finalSchema);
            status = Status.COMMITTED;
            if (replaced != null) {
                PhysicalTables.drop(connection, replaced);
            }
        } catch (SQLException e) {
            throw Jdbc.internal("commit", e);
        } finally {
            warehouse.swapLock().writeLock().unlock();
            if (status != Status.COMMITTED) {
                abort();
            } else {
                spill.close();
            }
        }
    }

    /** Loads a new table with the staged rows and points the catalog at it; returns the table it replaced. */
    private String replace(Connection connection, Optional<TableEntry> existing, TableSchema finalSchema) {
        Instant now = warehouse.clock().instant();
        TableEntry loaded = new TableEntry(destination, Catalog.nextPhysicalName(connection), finalSchema,
                existing.map(TableEntry::created).orElse(now), now);
        load(connection, loaded);
        Jdbc.inTransaction(connection, c -> {
            if (existing.isPresent()) {
                Catalog.updateTable(c, loaded);
            } else {
                Catalog.insertTable(c, loaded);
            }
            return null;
        });
        return existing.map(TableEntry::physicalSql).orElse(null);
    }

    /**
     * Appends the staged rows. Unchanged columns: one transaction inserts them and touches the catalog. New
     * columns: a copy of the destination with the final schema receives old and new rows, then one catalog
     * update swaps it in. Returns the table that was replaced, if any.
     */
    private String append(Connection connection, TableEntry existing, TableSchema finalSchema) {
        SchemaChange change = SchemaChange.between(existing.schema(), finalSchema, destination.path());
        Instant now = warehouse.clock().instant();
        if (change.isNone()) {
            TableEntry touched = new TableEntry(destination, existing.physicalName(), existing.schema(), existing.created(), now);
            Jdbc.inTransaction(connection, c -> {
                insertStaged(c, touched);
                Catalog.updateTable(c, touched);
                return null;
            });
            return null;
        }
        TableEntry widened = new TableEntry(destination, Catalog.nextPhysicalName(connection), finalSchema,
                existing.created(), now);
        PhysicalTables.create(connection, widened.physicalSql(), finalSchema);
        TableCopier.copy(connection, existing.physicalSql(), existing.schema(), widened.physicalSql(), finalSchema,
                change.needsRebuild());
        insertStaged(connection, widened);
        Jdbc.inTransaction(connection, c -> {
            Catalog.updateTable(c, widened);
            return null;
        });
        return existing.physicalSql();
    }

    private void load(Connection connection, TableEntry table) {
        PhysicalTables.create(connection, table.physicalSql(), table.schema());
        insertStaged(connection, table);
    }

    private void insertStaged(Connection connection, TableEntry table) {
        RowInserter inserter = new RowInserter(connection, table.physicalSql(), table.schema());
        spill.replay(CHUNK, inserter::insert);
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
