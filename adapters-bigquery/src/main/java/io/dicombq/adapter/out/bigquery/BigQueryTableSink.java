package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The export's destination on BigQuery. Rows are spooled locally, and become visible through one load job into the
 * destination or, when some were loaded into staging tables while the export ran, one copy job of those: either way
 * a failed export leaves the destination as it was.
 */
public final class BigQueryTableSink implements TableSink {
    private final Function<String, BigQuery> clientForProject;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Path spoolDirectory;
    private final SpoolLoading loading;

    /**
     * @param ids            unique suffixes for staging tables and job ids
     * @param spoolDirectory where staged rows wait, as newline-delimited JSON, until a load job takes them
     */
    public BigQueryTableSink(BigQueryClients clients, Clock clock, Supplier<String> ids, Path spoolDirectory) {
        this(clients, clock, ids, spoolDirectory, SpoolLoading.forEndpoint(clients.endpoint()));
    }

    /** @param loading when spooled rows are loaded while an export runs */
    public BigQueryTableSink(BigQueryClients clients, Clock clock, Supplier<String> ids, Path spoolDirectory,
                             SpoolLoading loading) {
        this.clientForProject = clients::client;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.spoolDirectory = Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        this.loading = Objects.requireNonNull(loading, "loading");
    }

    @Override
    public boolean datasetExists(String project, String dataset) {
        try {
            return clientForProject.apply(project).getDataset(DatasetId.of(project, dataset)) != null;
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "reading dataset " + project + "." + dataset);
        }
    }

    @Override
    public TableState state(TableUri table) {
        Table found = table(table);
        if (found == null) {
            if (!datasetExists(table.project(), table.dataset())) {
                throw BigQueryErrors.failure(Code.NOT_FOUND, "BigQuery dataset " + table.project() + "."
                        + table.dataset() + " does not exist; create it before exporting into " + table);
            }
            return TableState.ABSENT;
        }
        return rowCount(found) > 0 ? TableState.HAS_ROWS : TableState.EMPTY;
    }

    @Override
    public Optional<TableSchema> schema(TableUri table) {
        Table found = table(table);
        if (found == null) {
            return Optional.empty();
        }
        TableDefinition definition = found.getDefinition();
        return Optional.of(BigQuerySchemas.fromClient(definition.getSchema()));
    }

    @Override
    public StagedWrite begin(TableUri table, WritePlan plan) {
        BigQuery bigQuery = clientForProject.apply(table.project());
        return new BigQueryStagedWrite(bigQuery, tableId(table), plan, clock, ids, spoolDirectory, loading);
    }

    private Table table(TableUri table) {
        try {
            return clientForProject.apply(table.project()).getTable(tableId(table));
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "reading table " + table);
        }
    }

    static long rowCount(Table table) {
        BigInteger numRows = table.getNumRows();
        long rows = numRows == null ? 0 : numRows.longValue();
        // Rows streamed with insertAll sit in the streaming buffer before numRows counts them.
        if (table.getDefinition() instanceof StandardTableDefinition standard && standard.getStreamingBuffer() != null) {
            Long buffered = standard.getStreamingBuffer().getEstimatedRows();
            rows += buffered == null ? 0 : buffered;
        }
        return rows;
    }

    static TableId tableId(TableUri table) {
        return TableId.of(table.project(), table.dataset(), table.table());
    }
}
