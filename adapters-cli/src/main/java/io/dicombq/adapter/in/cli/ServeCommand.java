package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.emulator.BigQueryEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code dicombq serve}: local stand-ins for Google Cloud APIs, on loopback, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve local stand-ins for Google Cloud APIs on 127.0.0.1 until stopped (Ctrl-C).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bigquery-emulator",
            description = "Serve the BigQuery REST API (v2) over the embedded warehouse; any BigQuery client can use it"
                    + " with its endpoint set to the printed URL and no credentials.")
    boolean bigQueryEmulator;

    @Option(names = "--port", defaultValue = "9050", paramLabel = "PORT",
            description = "Port of the BigQuery emulator (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bigquery-data-dir", paramLabel = "DIR",
            description = "Directory of the warehouse the emulator serves (default: an in-memory warehouse, gone when"
                    + " the server stops).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        if (!bigQueryEmulator) {
            throw new ParameterException(spec.commandLine(), "nothing to serve: pass --bigquery-emulator");
        }
        H2Warehouse warehouse = dataDir == null ? H2Warehouse.inMemory("dicombq-serve-" + UUID.randomUUID())
                : H2Warehouse.open(dataDir);
        BigQueryEmulator emulator = BigQueryEmulator.start(warehouse, port, Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            warehouse.close();
        }, "dicombq-serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("BigQuery emulator listening on " + emulator.url() + " (warehouse: "
                + (dataDir == null ? "in memory" : dataDir.toAbsolutePath()) + ")");
        out.println("Use it with --warehouse=bigquery --bigquery-endpoint=" + emulator.url()
                + ", or any BigQuery client with that endpoint and no credentials. Stop with Ctrl-C.");
        out.flush();
        emulator.join();
        return 0;
    }
}
