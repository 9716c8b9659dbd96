package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.in.emulator.BigQueryEmulator;
import io.dicombq.adapter.in.http.CrossSiteGuard;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code dicombq serve}: local stand-ins for Google Cloud APIs until the process is stopped: the Healthcare API's
 * DICOM export (docs/http-api.md), or with {@code --bigquery-emulator} the BigQuery REST API (docs/bigquery.md).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the Healthcare API (dicomStores, export, operations) or, with --bigquery-emulator, the"
                + " BigQuery REST API, until stopped (Ctrl-C).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bigquery-emulator",
            description = "Serve the BigQuery REST API (v2) over the embedded warehouse; any BigQuery client can use it"
                    + " with its endpoint set to the printed URL and no credentials.")
    boolean bigQueryEmulator;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port to listen on: the Healthcare API's (default: 8080), or with --bigquery-emulator the"
                    + " emulator's (default: 9050); 0 picks a free one.")
    Integer port;

    @Mixin
    HealthcareApiOptions healthcareApi;

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        if (!bigQueryEmulator) {
            return healthcareApi.serve(spec, port == null ? HealthcareApiOptions.DEFAULT_PORT : port);
        }
        if (healthcareApi.bigQueryEmulatorPort != null) {
            throw new DicombqException(Code.INVALID_ARGUMENT,
                    "--bigquery-emulator-port adds the emulator beside the Healthcare API; with --bigquery-emulator use --port");
        }
        int port = this.port == null ? 9050 : this.port;
        // The emulator serves the embedded warehouse of --data-dir, the one exports with --warehouse=h2 write to.
        Path dataDir = CommandContext.warehouseOptions(spec).dataDirectory().toAbsolutePath();
        Files.createDirectories(dataDir);
        H2Warehouse warehouse = H2Warehouse.open(dataDir);
        BigQueryEmulator emulator;
        try {
            emulator = BigQueryEmulator.start(warehouse, port, Clock.systemUTC(), () -> UUID.randomUUID().toString(),
                    CrossSiteGuard::aroundLoopbackBigQuery);
        } catch (RuntimeException e) {
            warehouse.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            warehouse.close();
        }, "dicombq-serve-shutdown"));
        PrintWriter out = CommandContext.out(spec);
        out.println("BigQuery emulator listening on " + emulator.url() + " (warehouse in " + dataDir + ")");
        out.println("Use it with --warehouse=bigquery --bigquery-endpoint=" + emulator.url()
                + ", or any BigQuery client with that endpoint and no credentials. Stop with Ctrl-C.");
        out.flush();
        emulator.join();
        return 0;
    }
}
