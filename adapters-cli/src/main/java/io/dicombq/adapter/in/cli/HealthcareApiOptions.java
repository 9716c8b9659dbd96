package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.adapter.in.http.BigQueryApiHandler;
import io.dicombq.adapter.in.http.CrossSiteGuard;
import io.dicombq.adapter.in.http.HealthcareApi;
import io.dicombq.adapter.in.http.HealthcareApiServer;
import io.dicombq.adapter.in.http.ServedOperationLog;
import io.dicombq.adapter.in.http.access.AccessControl;
import io.dicombq.adapter.in.http.access.AccessFile;
import io.dicombq.adapter.in.http.access.ConfinedDicomStoreSources;
import io.dicombq.adapter.in.http.access.DicomWebAllowList;
import io.dicombq.adapter.in.http.access.FolderConfinement;
import io.dicombq.adapter.in.http.access.SourceConfinement;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.in.emulator.BigQueryEmulator;
import io.dicombq.application.port.out.WarehouseCatalog;
import io.dicombq.application.service.OperationsService;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The options of {@code dicombq serve} for the Healthcare-API-shaped HTTP API (docs/http-api.md), and starting it. */
final class HealthcareApiOptions {
    static final int DEFAULT_PORT = 8080;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Anything but loopback needs --access-file.")
    String host;

    @Option(names = "--access-file", paramLabel = "FILE",
            description = "JSON file of bearer-token principals, their role bindings and the folder roots (docs/http-api.md)."
                    + " Without it every caller is trusted and only loopback is served.")
    Path accessFile;

    @Option(names = "--folder-root", paramLabel = "DIR",
            description = "A folder the server's stores may read (repeatable; default: the current directory, or the"
                    + " access file's folderRoots).")
    List<Path> folderRoots = new ArrayList<>();

    @Option(names = "--bigquery-emulator-port", paramLabel = "PORT",
            description = "Also serve the BigQuery REST API on 127.0.0.1:PORT without authentication, over the same"
                    + " warehouse, for BigQuery clients and Beam (0 picks a free one). It is always served at /bigquery/v2"
                    + " on the main port too, behind the access file; so this port is refused with --access-file.")
    Integer bigQueryEmulatorPort;

    @Option(names = "--dicomweb-root", paramLabel = "URL",
            description = "A DICOMweb base URL the server's stores may read, with everything below it (repeatable;"
                    + " also the access file's dicomWebRoots). No other DICOMweb server is reachable.")
    List<String> dicomWebRoots = new ArrayList<>();

    /** Starts the API over the runtime of {@code --data-dir} and blocks until the process is stopped. */
    int serve(CommandSpec spec, int port) throws InterruptedException {
        if (bigQueryEmulatorPort != null && accessFile != null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "--bigquery-emulator-port serves the warehouse without"
                    + " authentication, which --access-file forbids; BigQuery clients can use /bigquery/v2 on the main port"
                    + " with a bearer token instead");
        }
        AccessFile access = accessFile == null ? null : AccessFile.read(accessFile);
        AccessControl control = access == null ? AccessControl.open() : access.accessControl();
        HealthcareApiServer.requireSafeBinding(host, control);
        List<Path> roots = new ArrayList<>(folderRoots);
        if (access != null) {
            roots.addAll(access.folderRoots());
        }
        if (roots.isEmpty()) {
            roots.add(Path.of("").toAbsolutePath());
        }
        List<String> webRoots = new ArrayList<>(dicomWebRoots);
        if (access != null) {
            webRoots.addAll(access.dicomWebRoots());
        }
        SourceConfinement confinement = new SourceConfinement(FolderConfinement.to(roots), DicomWebAllowList.of(webRoots));
        LocalDicomStoreSources sources = new LocalDicomStoreSources();
        sources.requireTokenBoundTo(confinement.dicomWeb().roots());
        DicombqRuntime runtime = CommandContext.warehouseOptions(spec)
                .openRuntime(new ConfinedDicomStoreSources(sources, confinement));
        PrintWriter err = CommandContext.err(spec);
        Optional<H2Warehouse> embedded = runtime.warehouse().resources() instanceof H2Warehouse h2
                ? Optional.of(h2) : Optional.empty();
        Optional<BigQueryApiHandler> bigQuery = embedded.map(h2 -> bigQueryApi(runtime, h2));
        Optional<BigQueryEmulator> emulator = bigQueryEmulatorPort == null ? Optional.empty()
                : Optional.of(BigQueryEmulator.start(embedded.orElseThrow(() -> new DicombqException(Code.FAILED_PRECONDITION,
                        "--bigquery-emulator-port serves the embedded warehouse; with --warehouse=bigquery give BigQuery"
                                + " clients BigQuery itself")), bigQueryEmulatorPort, runtime.clock(), () -> UUID.randomUUID().toString(),
                        CrossSiteGuard::aroundLoopbackBigQuery));
        HealthcareApiServer server = HealthcareApiServer.start(host, port, control, confinement,
                uri -> api(runtime, uri), bigQuery, line -> {
                    err.println(line);
                    err.flush();
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            emulator.ifPresent(BigQueryEmulator::close);
            runtime.close();
        }, "dicombq-serve-shutdown"));
        PrintWriter out = CommandContext.out(spec);
        out.println("Healthcare API listening on " + server.uri() + "/v1 (data in " + runtime.dataDirectory()
                + "; folder roots " + confinement.folders().roots() + "; DICOMweb roots " + confinement.dicomWeb().roots() + "; " + (control.enforced()
                ? control.principals().size() + " principals from " + accessFile : "no authentication, loopback only") + ")");
        out.println("Web console: " + server.uri() + "/console/" + (bigQuery.isPresent()
                ? "; BigQuery REST API: " + server.uri() + "/bigquery/v2 (same access file)" : ""));
        emulator.ifPresent(running -> out.println("BigQuery emulator listening on " + running.url()
                + " (no authentication, loopback only); use it with --bigquery-endpoint=" + running.url()));
        out.println("Try: curl " + server.uri() + "/v1/projects/PROJECT/locations/LOCATION/datasets/DATASET/dicomStores."
                + " Stop with Ctrl-C.");
        out.flush();
        server.join();
        return 0;
    }

    /**
     * The BigQuery REST API over the embedded warehouse, mounted under /bigquery/v2 for the web console and any
     * BigQuery client (docs/console.md); with --warehouse=bigquery the console's BigQuery pages use none.
     */
    private static BigQueryApiHandler bigQueryApi(DicombqRuntime runtime, H2Warehouse h2) {
        Path uploads;
        try {
            uploads = Files.createDirectories(runtime.dataDirectory().resolve("bigquery-uploads"));
        } catch (IOException e) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "cannot create " + runtime.dataDirectory().resolve("bigquery-uploads")
                    + " for BigQuery uploads: " + e.getMessage());
        }
        return new BigQueryApiHandler(BigQueryEmulator.handler(h2, uploads, runtime.clock(),
                () -> UUID.randomUUID().toString()), () -> projects(runtime.catalog()));
    }

    /** The projects that hold warehouse datasets ({@code PROJECT.DATASET} names), sorted. */
    private static List<String> projects(WarehouseCatalog catalog) {
        return catalog.datasets(Optional.empty()).stream().map(name -> name.substring(0, name.indexOf('.')))
                .distinct().sorted().toList();
    }

    static HealthcareApi api(DicombqRuntime runtime, java.net.URI serverUri) {
        OperationsService operations = runtime.operations();
        return new HealthcareApi(runtime.export(false, new ServedOperationLog(runtime.operationLog(), serverUri)),
                operations, operations, operations, runtime.stores(), name -> {
                    try {
                        return Files.newInputStream(runtime.operationLog().file(name));
                    } catch (NoSuchFileException none) {
                        return InputStream.nullInputStream(); // no instance failed
                    } catch (IOException e) {
                        throw new DicombqException(Code.INTERNAL, "the log of " + name + " cannot be read: " + e.getMessage());
                    }
                });
    }
}
