package io.dicombq.application.port.out;

import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.util.List;

/** A query's result: its BigQuery-style schema and its rows, in order. */
public record QueryResult(TableSchema schema, List<Row> rows) {
    public QueryResult {
        rows = List.copyOf(rows);
    }
}
