package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.application.port.out.WarehouseCatalog;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.sql.Connection;
import java.sql.SQLException;

import java.util.List;
import java.util.Optional;

/** The catalog commands on the embedded warehouse. */
public final class H2WarehouseCatalog implements WarehouseCatalog {
    private final H2Warehouse warehouse;

    public H2WarehouseCatalog(H2Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public void createDataset(String project, String dataset) {
        warehouse.createDataset(project, dataset);
    }

    @Override
    public List<String> datasets(Optional<String> project) {
        if (project.isPresent()) {
            return warehouse.listDatasets(project.get()).stream().map(dataset -> project.get() + "." + dataset).toList();
        }
        try (Connection connection = warehouse.database().connection()) {
            return Catalog.allDatasets(connection).stream().map(pair -> pair[0] + "." + pair[1]).sorted().toList();
        } catch (SQLException e) {
            throw new DicombqException(RpcError.of(Code.INTERNAL, "could not list datasets: " + e.getMessage()), e);
        }
    }

    @Override
    public List<String> tables(String project, String dataset) {
        return warehouse.listTables(project, dataset);
    }

    @Override
    public boolean deleteTable(String project, String dataset, String table) {
        return warehouse.deleteTable(new TableUri(project, dataset, table));
    }

    @Override
    public long readEveryRow(String project, String dataset, String table) {
        return warehouse.readEveryRow(new TableUri(project, dataset, table));
    }

    @Override
    public Optional<TableDescription> describe(String project, String dataset, String table) {
        TableUri uri = new TableUri(project, dataset, table);
        return warehouse.tableSchema(uri).map(schema -> new TableDescription(schema, warehouse.rowCount(uri)));
    }
}
