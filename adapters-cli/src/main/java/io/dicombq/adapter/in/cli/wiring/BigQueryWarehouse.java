package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.bigquery.BigQueryClients;
import io.dicombq.adapter.out.bigquery.BigQueryQueryEngine;
import io.dicombq.adapter.out.bigquery.BigQueryTableSink;
import io.dicombq.adapter.out.bigquery.BigQueryWarehouseCatalog;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Wires the BigQuery adapter as the runtime's warehouse. */
public final class BigQueryWarehouse {
    private BigQueryWarehouse() {
    }

    /**
     * @param jobProject    --bigquery-project, or null
     * @param endpoint      --bigquery-endpoint, or null for real BigQuery with Application Default Credentials
     * @param dataDirectory where exports spool their rows before the load job
     */
    public static Warehouse open(String jobProject, URI endpoint, Path dataDirectory) {
        if (endpoint != null && (!endpoint.isAbsolute() || endpoint.getHost() == null
                || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")))) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "--bigquery-endpoint " + endpoint
                    + " is not an http(s) URL such as http://127.0.0.1:9050");
        }
        Path spool = dataDirectory.resolve("bigquery-spool");
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "cannot create " + spool + " for staging BigQuery"
                    + " exports: " + e.getMessage());
        }
        BigQueryClients clients = new BigQueryClients(Optional.ofNullable(jobProject), Optional.ofNullable(endpoint));
        BigQueryTableSink sink = new BigQueryTableSink(clients, Clock.systemUTC(), () -> UUID.randomUUID().toString(), spool);
        String description = endpoint == null ? "BigQuery" : "BigQuery-compatible endpoint " + endpoint;
        boolean realBigQuery = endpoint == null;
        return new Warehouse(description, sink, new BigQueryQueryEngine(clients), new BigQueryWarehouseCatalog(clients),
                realBigQuery, () -> { });
    }
}
