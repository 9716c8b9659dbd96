package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.application.port.out.WarehouseCatalog;

import java.util.List;
import java.util.Objects;

/**
 * The warehouse a runtime writes to and queries: the embedded H2 stand-in, or BigQuery.
 *
 * @param workerArguments the command-line options that open the same warehouse in a detached worker process
 */
public record Warehouse(String description, TableSink sink, QueryEngine queryEngine, WarehouseCatalog catalog,
                        AutoCloseable resources, List<String> workerArguments) implements AutoCloseable {

    /** A warehouse the data directory alone selects (the embedded one). */
    public Warehouse(String description, TableSink sink, QueryEngine queryEngine, WarehouseCatalog catalog,
                     AutoCloseable resources) {
        this(description, sink, queryEngine, catalog, resources, List.of());
    }

    public Warehouse {
        workerArguments = List.copyOf(workerArguments);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(queryEngine, "queryEngine");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(resources, "resources");
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
