package io.dicombq.application.service;

import io.dicombq.application.port.in.ExportDicomMetadataUseCase;
import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.port.out.DicomStoreRegistry;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.port.out.ExportJob;
import io.dicombq.application.port.out.ExportLauncher;
import io.dicombq.application.port.out.FilterFileSource;
import io.dicombq.application.port.out.OperationIds;
import io.dicombq.application.port.out.OperationLog;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.application.port.out.Workers;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.time.Clock;

/**
 * The synchronous half of dicomStores.export: every specification 1.1 check, in the order the request reads, before
 * anything is created; then the operation is stored with its job and handed to the launcher.
 */
public final class ExportDicomMetadataService implements ExportDicomMetadataUseCase {
    private final DicomStoreRegistry registry;
    private final DicomStoreSources sources;
    private final TableSink sink;
    private final Filters filters;
    private final OperationRepository operations;
    private final OperationLog log;
    private final OperationIds ids;
    private final Workers workers;
    private final ExportLauncher launcher;
    private final Clock clock;

    public ExportDicomMetadataService(DicomStoreRegistry registry, DicomStoreSources sources, TableSink sink,
                                      FilterFileSource filterFiles, OperationRepository operations, OperationLog log,
                                      OperationIds ids, Workers workers, ExportLauncher launcher, Clock clock) {
        this.registry = registry;
        this.sources = sources;
        this.sink = sink;
        this.filters = new Filters(filterFiles);
        this.operations = operations;
        this.log = log;
        this.ids = ids;
        this.workers = workers;
        this.launcher = launcher;
        this.clock = clock;
    }

    @Override
    public Operation export(ExportRequest request) {
        TableUri table = TableUri.parse(request.tableUri());
        DicomStoreName storeName = request.store().name();
        String source = sourceOf(request.store());
        // Parsing the whole file now reports its first bad line before any operation exists (specification 4).
        filters.selector(request.filterUri());
        if (!sink.datasetExists(table.project(), table.dataset())) {
            throw RpcError.of(Code.NOT_FOUND, "Not found: Dataset " + table.project() + ":" + table.dataset()
                    + " (destination " + table + "); create it first, e.g. dicombq datasets create "
                    + table.project() + "." + table.dataset()).toException();
        }
        ExportJob job = new ExportJob(storeName, source, table, request.options(), request.includeSourceStore(),
                request.layout(), request.filterUri());
        OperationName name = storeName.operation(ids.next());
        Operation operation = Operation.started(name, clock.instant(), log.url(name));
        operations.create(operation, job, workers.current());
        launcher.launch(name);
        return operation;
    }

    private String sourceOf(ExportRequest.StoreReference store) {
        if (store instanceof ExportRequest.AdHocStore adHoc) {
            sources.check(adHoc.source());
            return adHoc.source();
        }
        return registry.find(store.name())
                .orElseThrow(() -> new DicombqException(Code.NOT_FOUND, "DICOM store " + store.name()
                        + " not found; create it with dicombq dicom-stores create, or export a folder directly"))
                .source();
    }
}
