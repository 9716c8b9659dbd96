package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.TableResult;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryParameter;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs queries on BigQuery itself. The job runs in the configured job project, else in the request's default
 * project; unqualified {@code dataset.table} names resolve in the project the job runs in, as in BigQuery.
 */
public final class BigQueryQueryEngine implements QueryEngine {
    private final BigQueryClients clients;

    public BigQueryQueryEngine(BigQueryClients clients) {
        this.clients = clients;
    }

    @Override
    public QueryResult query(QueryRequest request) {
        if (request.defaultProject() == null && clients.jobProject().isEmpty()) {
            throw BigQueryErrors.failure(Code.INVALID_ARGUMENT, "a BigQuery query needs a project to run in;"
                    + " pass --bigquery-project");
        }
        QueryJobConfiguration.Builder configuration = QueryJobConfiguration.newBuilder(request.sql())
                .setUseLegacySql(request.legacySql());
        for (int position = 1; request.parameters().containsKey(QueryParameter.positional(position)); position++) {
            String key = QueryParameter.positional(position);
            configuration.addPositionalParameter(QueryParameters.toClient(key, request.parameters().get(key)));
        }
        request.parameters().forEach((name, parameter) -> {
            if (!QueryParameter.isPositional(name)) {
                configuration.addNamedParameter(name, QueryParameters.toClient(name, parameter));
            }
        });
        BigQuery bigQuery = clients.client(request.defaultProject());
        try {
            TableResult result = bigQuery.query(configuration.build());
            TableSchema schema = BigQuerySchemas.fromClient(result.getSchema());
            List<Column> columns = schema.columns();
            List<Row> rows = new ArrayList<>();
            for (FieldValueList cells : result.iterateAll()) {
                rows.add(FieldValueRows.toRow(columns, cells));
            }
            return new QueryResult(schema, rows);
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "running the query");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BigQueryErrors.failure(Code.CANCELLED, "interrupted while waiting for the query", e);
        }
    }
}
