package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.ExportDestinationRules;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WriteDisposition;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationJson;
import io.dicombq.domain.operation.OperationName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code dicombq dicom-stores export bq STORE --bq-table=bq://P.D.T …}, shaped like the gcloud command. */
@Command(name = "bq", mixinStandardHelpOptions = true,
        description = {"Export a DICOM store's metadata into a BigQuery-shaped table (one row per instance).",
                "Without --async it waits, showing progress, and exits non-zero if the export failed."})
public final class ExportBqCommand implements Callable<Integer> {
    /** Polling starts fast, so short exports return at once, and slows down to this. */
    private static final long MAX_POLL_MILLIS = 200;

    @Spec
    CommandSpec spec;
    @Mixin
    HealthcareDatasetOptions location;

    @Parameters(paramLabel = "STORE", description = "A store ID (with --project/--location/--dataset), a full"
            + " resource name projects/P/locations/L/datasets/D/dicomStores/S, or a folder path (an ad-hoc store).")
    String store;
    @Option(names = "--bq-table", required = true, paramLabel = "bq://PROJECT.DATASET.TABLE", description = "Destination table.")
    String table;
    @Option(names = "--write-disposition", paramLabel = "DISPOSITION",
            description = "write-empty, write-truncate or write-append (specification 1.2).")
    String writeDisposition;
    @Option(names = "--overwrite-table", description = "Replace an existing table (legacy; ignored, with a warning, when --write-disposition is set).")
    boolean overwriteTable;
    @Option(names = {"--filter-config-gcs-uri", "--filter-config"}, paramLabel = "URI",
            description = "A filter file (file://… or a path) listing /studies/…[/series/…[/instances/…]] lines.")
    String filterConfig;
    @Option(names = "--include-source-store", description = "Add a SourceDicomStore column holding the store's name.")
    boolean includeSourceStore;
    @Option(names = "--schema", defaultValue = "flattened", paramLabel = "flattened|json",
            description = "Table layout: flattened (one column per element, the default) or json.")
    String schema;
    @Option(names = "--async", description = "Return the operation name at once; the export runs in a detached worker process.")
    boolean async;
    @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json (the operation).")
    OutputFormat format;
    @Mixin
    RunnerOptions runner;

    @Override
    public Integer call() throws InterruptedException {
        DicombqRuntime runtime = CommandContext.openRuntimeToWrite(spec);
        int exit;
        try {
            exit = export(runtime);
        } catch (RuntimeException | InterruptedException e) {
            try {
                runtime.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        try {
            runtime.close();
        } catch (RuntimeException e) {
            // The operation is settled and its write is on disk: the exit code says what it says, not how closing went.
            CommandContext.err(spec).println("WARNING: the export is settled, but closing the data directory failed: "
                    + e.getMessage());
        }
        return exit;
    }

    /** Starts the export and, without --async, waits for it: the exit code is the operation's outcome. */
    private int export(DicombqRuntime runtime) throws InterruptedException {
        PrintWriter out = CommandContext.out(spec);
        TableUri destination = TableUri.parse(table);
        ExportRequest.StoreReference storeReference = StoreArgument.resolve(store, location, destination.project(),
                runtime.stores(), source -> !runner.local() && runtime.engineReads(runner.name(), source));
        DestinationOptions options = DestinationOptions.of(overwriteTable ? Boolean.TRUE : null,
                writeDisposition == null ? null : WriteDisposition.fromCliValue(writeDisposition));
        ExportDestinationRules.ignoredForceWarning(options)
                .ifPresent(warning -> CommandContext.err(spec).println("WARNING: " + warning));
        ExportRequest request = new ExportRequest(storeReference, table, options,
                includeSourceStore, layout(), Optional.ofNullable(filterConfig));
        Operation started = exportUseCase(runtime).export(request);
        if (async) {
            print(out, started, "Started export operation [" + started.name() + "] in a background worker;"
                    + " follow it with: dicombq operations describe " + started.name());
            return 0;
        }
        if (format == OutputFormat.TEXT) {
            out.println("Started export operation [" + started.name() + "]");
            out.flush();
        }
        Operation finished = waitFor(runtime, started.name(), out);
        print(out, finished, summary(finished));
        if (finished.error().isPresent()) {
            CommandContext.err(spec).println("ERROR: " + finished.error().get().code() + ": " + finished.error().get().message());
            return 1;
        }
        return 0;
    }

    private io.dicombq.application.port.in.ExportDicomMetadataUseCase exportUseCase(DicombqRuntime runtime) {
        if (runner.local()) {
            return runtime.export(async);
        }
        if (async) {
            throw new io.dicombq.domain.status.DicombqException(io.dicombq.domain.status.Code.INVALID_ARGUMENT,
                    "--async runs the export in a local worker process; with --runner=" + runner.name()
                            + " this command drives the pipeline and waits: leave --async out");
        }
        WarehouseOptions warehouse = CommandContext.warehouseOptions(spec);
        warehouse.requireBigQueryFor(runner.name());
        return runtime.exportOn(runner.name(), runner.beamArguments(), warehouse.bigQueryProject(),
                warehouse.bigQueryEndpoint());
    }

    private Layout layout() {
        return switch (schema.toLowerCase(Locale.ROOT)) {
            case "flattened" -> Layout.FLATTENED;
            case "json" -> Layout.JSON;
            default -> throw new io.dicombq.domain.status.DicombqException(io.dicombq.domain.status.Code.INVALID_ARGUMENT,
                    "Invalid value for --schema: '" + schema + "'; expected flattened or json");
        };
    }

    private Operation waitFor(DicombqRuntime runtime, OperationName name, PrintWriter out) throws InterruptedException {
        boolean showProgress = format == OutputFormat.TEXT;
        ProgressLine progress = new ProgressLine(out, System.console() != null, runtime.clock().instant());
        long pause = 5;
        while (true) {
            Operation operation = runtime.operations().get(name);
            if (showProgress) {
                progress.show(operation, runtime.clock().instant());
            }
            if (operation.done()) {
                progress.finish();
                return operation;
            }
            runtime.awaitLocalExport(name, pause);
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }

    private void print(PrintWriter out, Operation operation, String text) {
        if (format == OutputFormat.JSON) {
            Printer.print(out, OperationJson.compact(operation), OutputFormat.JSON);
        } else {
            out.println(text);
            out.flush();
        }
    }

    private static String summary(Operation operation) {
        String counts = operation.counter().success() + " instances exported, " + operation.counter().failure() + " failed";
        String log = operation.counter().failure() > 0 ? " (failures logged in " + operation.metadata().logsUrl() + ")" : "";
        String outcome = operation.succeeded() ? "Export finished: " : "Export failed: ";
        return outcome + counts + log + "\n" + "name: " + operation.name();
    }
}
