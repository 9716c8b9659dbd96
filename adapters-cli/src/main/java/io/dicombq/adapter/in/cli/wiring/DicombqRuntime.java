package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.h2.operation.H2DatasetGrants;
import io.dicombq.adapter.out.h2.operation.H2DicomStoreRegistry;
import io.dicombq.adapter.out.h2.operation.H2OperationRepository;
import io.dicombq.adapter.out.h2.operation.JsonLinesOperationLog;
import io.dicombq.adapter.out.h2.operation.OperationDatabase;
import io.dicombq.adapter.out.h2.operation.ProcessWorkers;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.application.port.in.ExportDicomMetadataUseCase;
import io.dicombq.application.port.in.GrantDatasetAccessUseCase;
import io.dicombq.application.port.out.DestinationAccessPolicy;
import io.dicombq.application.service.DestinationAccess;
import io.dicombq.application.port.in.ManageDicomStoresUseCase;
import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.port.out.ExportLauncher;
import io.dicombq.application.port.out.OperationLog;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.WarehouseCatalog;
import io.dicombq.application.service.DicomStoresService;
import io.dicombq.application.service.ExportDicomMetadataService;
import io.dicombq.application.service.GrantDatasetAccessService;
import io.dicombq.application.service.GuardedExportRun;
import io.dicombq.application.service.OperationsService;
import io.dicombq.application.port.in.ScaleOutEngine;
import io.dicombq.application.service.RunExportService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The composition root: builds every adapter and use case over one data directory and one warehouse. The CLI
 * makes one per command; the HTTP server keeps one for its lifetime.
 */
public final class DicombqRuntime implements AutoCloseable {
    /** Instances read and flattened at once per export: the cores, at least two. */
    private static final int PARALLELISM = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** Rows handed to the staged write at once, at most: wide rows make smaller batches (ExportPipeline.BATCH_BYTES). */
    private static final int BATCH_SIZE = 500;

    private final Path dataDirectory;
    private final Clock clock;
    private final WarehouseOpening warehouse;
    private final OperationDatabase operationDatabase;
    private final OperationRepository operationRepository;
    private final JsonLinesOperationLog log;
    private final ProcessWorkers workers = new ProcessWorkers();
    private final H2DicomStoreRegistry registry;
    private final H2DatasetGrants grants;
    private final DicomStoreSources sources;
    private final ThreadExportLauncher threads;
    private final List<String> workerArguments;
    private final List<ThreadExportLauncher> scaleOutLaunchers = new java.util.ArrayList<>();

    /**
     * The warehouse is opened on first use, so commands about operations and stores do not touch it (and never wait
     * for a worker that is writing into it).
     */
    public DicombqRuntime(Path dataDirectory, Supplier<Warehouse> warehouse, DicomStoreSources sources, Clock clock) {
        this(dataDirectory, warehouse, sources, clock, List.of(), false);
    }

    /**
     * @param workerArguments the command-line options a detached worker needs to open the same warehouse
     *                        (e.g. {@code --warehouse=bigquery --bigquery-endpoint=URL})
     * @param openWarehouseAhead  open the warehouse now, alongside the operations database, for a command that is
     *                        going to use it (an export)
     */
    public DicombqRuntime(Path dataDirectory, Supplier<Warehouse> warehouse, DicomStoreSources sources, Clock clock,
                          List<String> workerArguments, boolean openWarehouseAhead) {
        this.workerArguments = List.copyOf(workerArguments);
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.clock = clock;
        this.warehouse = new WarehouseOpening(warehouse);
        this.sources = sources;
        if (openWarehouseAhead) {
            this.warehouse.startAhead();
        }
        try {
            this.operationDatabase = OperationDatabase.open(this.dataDirectory);
        } catch (RuntimeException | Error e) {
            closeWarehouse(e);
            throw e;
        }
        this.operationRepository = new H2OperationRepository(operationDatabase);
        this.log = new JsonLinesOperationLog(this.dataDirectory);
        this.registry = new H2DicomStoreRegistry(operationDatabase);
        this.grants = new H2DatasetGrants(operationDatabase);
        this.threads = new ThreadExportLauncher(new GuardedExportRun(this::runExport, operationRepository, clock), 2);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Clock clock() {
        return clock;
    }

    public Warehouse warehouse() {
        return warehouse.get();
    }

    /** Exports that run on a thread of this process ({@code detached = false}) or in a detached worker process. */
    public ExportDicomMetadataUseCase export(boolean detached) {
        return export(detached, log);
    }

    /** As {@link #export(boolean)}, with the log whose {@code url} becomes each operation's logsUrl (the HTTP server's). */
    public ExportDicomMetadataUseCase export(boolean detached, OperationLog logsAt) {
        ExportLauncher launcher = detached
                ? new WorkerProcessLauncher(dataDirectory, operationRepository, workers, workerArguments) : threads;
        return new ExportDicomMetadataService(registry, sources, warehouse().sink(), new LocalFilterFiles(),
                operationRepository, logsAt, RandomOperationIds.secure(), workers, launcher, clock);
    }

    /**
     * Exports run by a distributed engine ({@code --runner}): this process's thread drives the engine's job, publishes
     * its counters and heeds a cancel; the destination is the BigQuery of {@code --warehouse=bigquery}.
     *
     * @param runnerArguments the runner's own options, in Beam's {@code --name=value} form
     */
    public ExportDicomMetadataUseCase exportOn(String runner, List<String> runnerArguments, String bigQueryProject,
                                               java.net.URI bigQueryEndpoint) {
        ScaleOutEngine engine = ScaleOutEngines.find(runner);
        RunExportUseCase run = engine.exports(runner, runnerArguments, new ScaleOutEngine.Context(operationRepository,
                log, accessPolicy(), new LocalFilterFiles(), workers, clock, bigQueryProject,
                bigQueryEndpoint == null ? null : bigQueryEndpoint.toString()));
        ThreadExportLauncher launcher = new ThreadExportLauncher(new GuardedExportRun(() -> run, operationRepository, clock), 1);
        scaleOutLaunchers.add(launcher);
        return new ExportDicomMetadataService(registry, new EngineStoreSources(engine, sources), warehouse().sink(), new LocalFilterFiles(),
                operationRepository, log, RandomOperationIds.secure(), workers, launcher, clock);
    }

    /**
     * Waits up to {@code millis} for an export this process runs to end, returning as soon as it does (for one it does
     * not run, the whole pause): a command polling the operation sees its end without waiting out the pause.
     */
    public void awaitLocalExport(OperationName operation, long millis) throws InterruptedException {
        if (threads.awaitEnd(operation, millis)) {
            return;
        }
        for (ThreadExportLauncher launcher : scaleOutLaunchers) {
            if (launcher.awaitEnd(operation, millis)) {
                return;
            }
        }
        Thread.sleep(millis);
    }

    /** Whether the engine of {@code runner} reads {@code source} itself (a glob, a gs:// path) rather than as a store. */
    public boolean engineReads(String runner, String source) {
        return ScaleOutEngines.find(runner).readsItself(source);
    }

    public RunExportUseCase runExport() {
        return new RunExportService(operationRepository, sources, warehouse().sink(), new LocalFilterFiles(), accessPolicy(), log,
                workers, clock, PARALLELISM, BATCH_SIZE);
    }

    /** Real BigQuery's IAM decides cross-project writes itself; elsewhere dicombq's own dataset grants do. */
    private DestinationAccessPolicy accessPolicy() {
        return warehouse().enforcesOwnIam() ? DestinationAccessPolicy.enforcedByWarehouse() : new DestinationAccess(grants);
    }

    /** operations get / list / cancel. */
    public OperationsService operations() {
        // lazily: only an operation whose worker died while committing needs the warehouse opened
        return new OperationsService(operationRepository, workers, clock, writeId -> warehouse().sink().committed(writeId));
    }

    public ManageDicomStoresUseCase stores() {
        return new DicomStoresService(registry, sources, clock);
    }

    public GrantDatasetAccessUseCase grants() {
        return new GrantDatasetAccessService(grants, warehouse().sink());
    }

    public WarehouseCatalog catalog() {
        return warehouse().catalog();
    }

    public QueryEngine queryEngine() {
        return warehouse().queryEngine();
    }

    public JsonLinesOperationLog operationLog() {
        return log;
    }

    @Override
    public void close() {
        threads.close();
        scaleOutLaunchers.forEach(ThreadExportLauncher::close);
        operationDatabase.close();
        try {
            warehouse.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the warehouse: " + e.getMessage(), e);
        }
    }

    /** After {@code failure} to build the runtime: the warehouse opening ahead is closed, its own failure added. */
    private void closeWarehouse(Throwable failure) {
        try {
            warehouse.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
