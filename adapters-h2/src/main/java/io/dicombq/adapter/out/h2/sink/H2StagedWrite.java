package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
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
import java.util.List;
import java.util.Optional;

/**
 * A staged write: rows go into a private H2 table the catalog does not know, which grows columns as the
 * export's schema grows. Commit is one transaction that either points the catalog at the staging table
 * (create, overwrite, truncate) or moves its rows into the destination (append); until then the destination
 * is untouched, and a crash leaves only an orphan table that the next open drops.
 */
final class H2StagedWrite implements StagedWrite {
    private enum Status { OPEN, COMMITTED, ABORTED }

    private final H2Warehouse warehouse;
    private final TableUri destination;
    private final WritePlan plan;
    private final String schemaName;
    private final String stagingName;
    private final String stagingSql;
    private TableSchema stagedSchema;
    private int longestArray;
    private Status status = Status.OPEN;

    private H2StagedWrite(H2Warehouse warehouse, TableUri destination, WritePlan plan, String stagingName) {
        this.warehouse = warehouse;
        this.destination = destination;
        this.plan = plan;
        this.schemaName = Names.schemaOf(destination.project(), destination.dataset());
        this.stagingName = stagingName;
        this.stagingSql = Names.qualified(schemaName, stagingName);
    }

    static H2StagedWrite begin(H2Warehouse warehouse, TableUri destination, WritePlan plan) {
        H2Warehouse.requireTableName(destination);
        try (Connection connection = warehouse.database().connection()) {
            warehouse.requireDataset(connection, destination.project(), destination.dataset());
            return new H2StagedWrite(warehouse, destination, plan, Catalog.nextPhysicalName(connection));
        } catch (SQLException e) {
            throw Jdbc.internal("begin", e);
        }
    }

    @Override
    public synchronized void write(TableSchema schema, List<Row> rows) {
        requireOpen("write");
        try (Connection connection = warehouse.database().connection()) {
            growStaging(connection, schema);
            RowInserter inserter = new RowInserter(connection, stagingSql, stagedSchema);
            inserter.insert(rows);
            longestArray = Math.max(longestArray, inserter.longestArray());
        } catch (SQLException e) {
            throw Jdbc.internal("write", e);
        }
    }

    @Override
    public synchronized void commit(TableSchema finalSchema) {
        requireOpen("commit");
        warehouse.swapLock().writeLock().lock();
        try (Connection connection = warehouse.database().connection()) {
            growStaging(connection, finalSchema);
            Catalog.ensureNums(connection, longestArray);
            Optional<TableEntry> existing = Catalog.table(connection, destination);
            String replaced = plan.replacesSchema() || existing.isEmpty()
                    ? swapIn(connection, existing, finalSchema)
                    : appendInto(connection, existing.get(), finalSchema);
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
            }
        }
    }

    /** Points the catalog at the staging table in one transaction; returns the table it replaced, if any. */
    private String swapIn(Connection connection, Optional<TableEntry> existing, TableSchema finalSchema) {
        if (plan == WritePlan.CREATE && existing.isPresent()) {
            // Someone created the table since the plan was made: BigQuery's create would fail the same way.
            throw H2Warehouse.alreadyExists(destination);
        }
        String physical = stagingName;
        java.time.Instant now = warehouse.clock().instant();
        Jdbc.inTransaction(connection, c -> {
            if (existing.isPresent()) {
                Catalog.updateTable(c, new TableEntry(destination, physical, finalSchema, existing.get().created(), now));
            } else {
                Catalog.insertTable(c, new TableEntry(destination, physical, finalSchema, now, now));
            }
            return null;
        });
        return existing.map(TableEntry::physicalSql).orElse(null);
    }

    /**
     * Appends the staged rows. Same columns: one transaction inserts them and touches the catalog. New
     * columns: a copy of the destination with the final schema receives old and new rows, then one catalog
     * update swaps it in. Returns the table that was replaced, if any.
     */
    private String appendInto(Connection connection, TableEntry existing, TableSchema finalSchema) {
        SchemaChange change = SchemaChange.between(existing.schema(), finalSchema, destination.path());
        java.time.Instant now = warehouse.clock().instant();
        if (change.isNone()) {
            Jdbc.inTransaction(connection, c -> {
                TableCopier.copy(c, stagingSql, stagedSchema, existing.physicalSql(), existing.schema(), false);
                Catalog.updateTable(c, new TableEntry(destination, existing.physicalName(), existing.schema(),
                        existing.created(), now));
                return null;
            });
            PhysicalTables.drop(connection, stagingSql);
            return null;
        }
        TableEntry widened = new TableEntry(destination, Catalog.nextPhysicalName(connection), finalSchema,
                existing.created(), now);
        PhysicalTables.create(connection, widened.physicalSql(), finalSchema);
        TableCopier.copy(connection, existing.physicalSql(), existing.schema(), widened.physicalSql(), finalSchema,
                change.needsRebuild());
        Jdbc.inTransaction(connection, c -> {
            TableCopier.copy(c, stagingSql, stagedSchema, widened.physicalSql(), finalSchema, false);
            Catalog.updateTable(c, widened);
            return null;
        });
        PhysicalTables.drop(connection, stagingSql);
        return existing.physicalSql();
    }

    /** Creates the staging table, or widens it to {@code schema} (which only grows, see the port). */
    private void growStaging(Connection connection, TableSchema schema) {
        if (stagedSchema == null) {
            PhysicalTables.create(connection, stagingSql, schema);
            stagedSchema = schema;
            return;
        }
        SchemaChange change = SchemaChange.between(stagedSchema, schema, "staging of " + destination.path());
        if (change.isNone()) {
            if (!schema.equals(stagedSchema)) {
                stagedSchema = schema;
            }
            return;
        }
        if (!change.needsRebuild()) {
            PhysicalTables.addColumns(connection, stagingSql, change.addedTopLevel());
            stagedSchema = schema;
            return;
        }
        // A RECORD gained fields: H2 cannot widen a ROW in place, so the staged rows move to a wider table.
        String wider = Names.qualified(schemaName, Catalog.nextPhysicalName(connection));
        PhysicalTables.create(connection, wider, schema);
        TableCopier.copy(connection, stagingSql, stagedSchema, wider, schema, true);
        PhysicalTables.drop(connection, stagingSql);
        Jdbc.execute(connection, "ALTER TABLE " + wider + " RENAME TO " + Names.quote(stagingName));
        stagedSchema = schema;
    }

    @Override
    public synchronized void abort() {
        if (status != Status.OPEN) {
            return;
        }
        status = Status.ABORTED;
        try (Connection connection = warehouse.database().connection()) {
            PhysicalTables.drop(connection, stagingSql);
        } catch (SQLException | RuntimeException e) {
            // The orphan staging table is invisible and dropped at the next open.
        }
    }

    @Override
    public void close() {
        abort();
    }

    private void requireOpen(String action) {
        if (status != Status.OPEN) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "cannot " + action + " a staged write to "
                    + destination + " that was already " + status.name().toLowerCase());
        }
    }
}
