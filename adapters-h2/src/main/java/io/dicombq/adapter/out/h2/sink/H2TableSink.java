package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The {@link TableSink} port on the embedded warehouse. */
public final class H2TableSink implements TableSink {
    private final H2Warehouse warehouse;

    public H2TableSink(H2Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public boolean datasetExists(String project, String dataset) {
        return warehouse.datasetExists(project, dataset);
    }

    @Override
    public TableState state(TableUri table) {
        return warehouse.state(table);
    }

    @Override
    public Optional<TableSchema> schema(TableUri table) {
        return warehouse.tableSchema(table);
    }

    /** Read from the catalog, where a commit records its write id in the transaction that swaps the table in. */
    @Override
    public Optional<Boolean> committed(String writeId) {
        try (Connection connection = warehouse.database().connection()) {
            return Optional.of(Catalog.committed(connection, writeId));
        } catch (SQLException e) {
            throw Jdbc.internal("read the commit record of " + writeId, e);
        }
    }

    @Override
    public StagedWrite begin(TableUri table, WritePlan plan) {
        return H2StagedWrite.begin(warehouse, table, plan);
    }
}
