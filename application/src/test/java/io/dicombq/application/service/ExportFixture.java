package io.dicombq.application.service;

import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.port.out.DicomStoreDefinition;
import io.dicombq.application.port.out.DicomStoreRegistry;
import io.dicombq.application.port.out.DestinationAccessPolicy;
import io.dicombq.application.port.out.FilterFileSource;
import io.dicombq.application.port.out.WorkerId;
import io.dicombq.application.port.out.Workers;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The application's export services wired over in-memory ports, as the CLI wires them over real adapters. */
final class ExportFixture {
    static final DicomStoreName STORE = DicomStoreName.parse("projects/my-project/locations/us/datasets/d/dicomStores/s");
    static final String TABLE = "bq://my-project.ds.t";

    final InMemoryOperations operations = new InMemoryOperations();
    final InMemoryStore store = new InMemoryStore();
    final InMemorySink sink = new InMemorySink();
    final InMemoryOperationLog log = new InMemoryOperationLog();
    final TickingClock clock = new TickingClock();
    final Map<String, String> filterFiles = new HashMap<>();
    final Map<DicomStoreName, DicomStoreDefinition> registered = new HashMap<>();
    final List<OperationName> launched = new ArrayList<>();
    final Workers workers = new Workers() {
        @Override
        public WorkerId current() {
            return new WorkerId("test:1");
        }

        @Override
        public boolean isAlive(WorkerId worker) {
            return true;
        }
    };
    private final AtomicLong ids = new AtomicLong();

    ExportDicomMetadataService exportService() {
        return new ExportDicomMetadataService(registry(), store, sink, filters(), operations, log,
                () -> Long.toString(ids.incrementAndGet()), workers, launched::add, clock);
    }

    RunExportService runService(int parallelism, int batchSize) {
        return new RunExportService(operations, store, sink, filters(), DestinationAccessPolicy.enforcedByWarehouse(), log,
                workers, clock, parallelism, batchSize);
    }

    static ExportRequest request(Optional<String> filter) {
        return new ExportRequest(new ExportRequest.AdHocStore(STORE, InMemoryStore.SOURCE), TABLE,
                DestinationOptions.none(), false, Layout.FLATTENED, filter);
    }

    /** Starts an export of the in-memory store and runs it to its end on this thread. */
    Operation export(int parallelism, int batchSize) {
        return export(parallelism, batchSize, Optional.empty());
    }

    Operation export(int parallelism, int batchSize, Optional<String> filter) {
        Operation started = exportService().export(request(filter));
        runService(parallelism, batchSize).run(started.name());
        return operations.operation(started.name());
    }

    private FilterFileSource filters() {
        return uri -> {
            String text = filterFiles.get(uri);
            if (text == null) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "filter file " + uri + " does not exist");
            }
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    private DicomStoreRegistry registry() {
        return new DicomStoreRegistry() {
            @Override
            public void create(DicomStoreDefinition definition) {
                registered.put(definition.name(), definition);
            }

            @Override
            public Optional<DicomStoreDefinition> find(DicomStoreName name) {
                return Optional.ofNullable(registered.get(name));
            }

            @Override
            public List<DicomStoreDefinition> list(String project, String location, String dataset) {
                return List.copyOf(registered.values());
            }

            @Override
            public List<String> datasets() {
                return registered.keySet().stream().map(DicomStoreName::datasetName).distinct().sorted().toList();
            }

            @Override
            public boolean delete(DicomStoreName name) {
                return registered.remove(name) != null;
            }
        };
    }
}
