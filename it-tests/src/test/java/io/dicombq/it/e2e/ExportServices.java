package io.dicombq.it.e2e;

import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.adapter.in.cli.wiring.LocalFilterFiles;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.operation.H2DatasetGrants;
import io.dicombq.adapter.out.h2.operation.H2DicomStoreRegistry;
import io.dicombq.adapter.out.h2.operation.H2OperationRepository;
import io.dicombq.adapter.out.h2.operation.JsonLinesOperationLog;
import io.dicombq.adapter.out.h2.operation.OperationDatabase;
import io.dicombq.adapter.out.h2.operation.ProcessWorkers;
import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.service.DestinationAccess;
import io.dicombq.application.service.ExportDicomMetadataService;
import io.dicombq.application.service.RunExportService;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The export use cases over the real H2 adapters of one data directory, wired by hand so that a test can choose what
 * the CLI fixes (batch size, parallelism, the store source) and run the export on its own thread.
 */
final class ExportServices implements AutoCloseable {
    private final OperationDatabase database;
    private final H2Warehouse warehouse;
    private final H2OperationRepository operations;
    private final JsonLinesOperationLog log;
    private final ProcessWorkers workers = new ProcessWorkers();
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger ids = new AtomicInteger(1000);

    ExportServices(Path dataDir) {
        this.database = OperationDatabase.open(dataDir);
        this.warehouse = H2Warehouse.open(dataDir);
        this.operations = new H2OperationRepository(database);
        this.log = new JsonLinesOperationLog(dataDir);
    }

    H2OperationRepository operations() {
        return operations;
    }

    /** Creates the operation of a flattened export of {@code source} (not launched: run it with {@link #runner}). */
    Operation start(DicomStoreSources sources, String source, String tableUri) {
        ExportDicomMetadataService export = new ExportDicomMetadataService(new H2DicomStoreRegistry(database), sources,
                warehouse.tableSink(), new LocalFilterFiles(), operations, log, () -> Integer.toString(ids.incrementAndGet()),
                workers, name -> { }, clock);
        DicomStoreName store = DicomStoreName.parse("projects/my-project/locations/local/datasets/default/dicomStores/s");
        return export.export(new ExportRequest(new ExportRequest.AdHocStore(store, source), tableUri,
                DestinationOptions.none(), false, Layout.FLATTENED, Optional.empty()));
    }

    Operation start(String folder, String tableUri) {
        return start(new LocalDicomStoreSources(), folder, tableUri);
    }

    RunExportService runner(DicomStoreSources sources, int parallelism, int batchSize) {
        return new RunExportService(operations, sources, warehouse.tableSink(), new LocalFilterFiles(),
                new DestinationAccess(new H2DatasetGrants(database)), log, workers, clock, parallelism, batchSize);
    }

    @Override
    public void close() {
        warehouse.close();
        database.close();
    }
}
