package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.application.port.out.WarehouseCatalog;

import java.util.Objects;

/**
 * The warehouse a runtime writes to and queries: the embedded H2 stand-in, or BigQuery. {@code enforcesOwnIam} is
 * true for real BigQuery, whose IAM decides cross-project writes (specification 1.3); the embedded warehouse and
 * emulators have none, so dicombq's own dataset grants apply to them.
 */
public record Warehouse(String description, TableSink sink, QueryEngine queryEngine, WarehouseCatalog catalog,
                        boolean enforcesOwnIam, AutoCloseable resources) implements AutoCloseable {
    public Warehouse {
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
