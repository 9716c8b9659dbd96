package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import io.dicombq.application.port.out.WarehouseCatalog;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The catalog commands (datasets create/list, tables list/describe/delete) on BigQuery. */
public final class BigQueryWarehouseCatalog implements WarehouseCatalog {
    private final BigQueryClients clients;

    public BigQueryWarehouseCatalog(BigQueryClients clients) {
        this.clients = clients;
    }

    @Override
    public void createDataset(String project, String dataset) {
        try {
            clients.client(project).create(DatasetInfo.of(DatasetId.of(project, dataset)));
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "creating dataset " + project + "." + dataset);
        }
    }

    @Override
    public List<String> datasets(Optional<String> project) {
        // BigQuery lists datasets one project at a time; without one, the job project is the natural scope.
        String scope = project.or(clients::jobProject).orElseThrow(() -> BigQueryErrors.failure(Code.INVALID_ARGUMENT,
                "BigQuery lists datasets per project; name the project, or pass --bigquery-project"));
        List<String> names = new ArrayList<>();
        try {
            for (Dataset dataset : clients.client(scope).listDatasets(scope).iterateAll()) {
                names.add(scope + "." + dataset.getDatasetId().getDataset());
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "listing the datasets of project " + scope);
        }
        return names.stream().sorted().toList();
    }

    @Override
    public List<String> tables(String project, String dataset) {
        List<String> names = new ArrayList<>();
        try {
            for (Table table : clients.client(project).listTables(DatasetId.of(project, dataset)).iterateAll()) {
                names.add(table.getTableId().getTable());
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "listing the tables of dataset " + project + "." + dataset);
        }
        return names;
    }

    @Override
    public boolean deleteTable(String project, String dataset, String table) {
        try {
            return clients.client(project).delete(TableId.of(project, dataset, table));
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "deleting table " + new TableUri(project, dataset, table));
        }
    }

    @Override
    public long readEveryRow(String project, String dataset, String table) {
        throw new DicombqException(Code.FAILED_PRECONDITION, "checking " + new TableUri(project, dataset, table)
                + " reads the embedded warehouse's file; BigQuery keeps and checks its own storage (run `tables check`"
                + " without --warehouse=bigquery)");
    }

    @Override
    public Optional<TableDescription> describe(String project, String dataset, String table) {
        TableUri uri = new TableUri(project, dataset, table);
        BigQuery bigQuery = clients.client(project);
        try {
            Table found = bigQuery.getTable(BigQueryTableSink.tableId(uri));
            if (found == null) {
                return Optional.empty();
            }
            return Optional.of(new TableDescription(BigQuerySchemas.fromClient(found.getDefinition().getSchema()),
                    BigQueryTableSink.rowCount(found)));
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "reading table " + uri);
        }
    }
}
