package io.dicombq.it.beam;

import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.adapter.in.cli.wiring.LocalFilterFiles;
import io.dicombq.adapter.in.emulator.BigQueryEmulator;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.operation.H2DatasetGrants;
import io.dicombq.adapter.out.h2.operation.H2DicomStoreRegistry;
import io.dicombq.adapter.out.h2.operation.H2OperationRepository;
import io.dicombq.adapter.out.h2.operation.JsonLinesOperationLog;
import io.dicombq.adapter.out.h2.operation.OperationDatabase;
import io.dicombq.adapter.out.h2.operation.ProcessWorkers;
import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.in.ScaleOutEngine;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.service.DestinationAccess;
import io.dicombq.application.service.ExportDicomMetadataService;
import io.dicombq.application.service.RunExportService;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowJson;
import io.dicombq.domain.schema.SchemaJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One data directory's warehouse, operations and log, with the BigQuery emulator serving that same warehouse: the
 * single-node export writes into it directly, the Beam pipeline through the emulator's REST API (BigQueryIO's load
 * jobs and the driver's copy job), so both tables can be compared row by row.
 */
final class BeamFixture implements AutoCloseable {
    static final String PROJECT = "beam-project";
    static final String DATASET = "exports";

    private final OperationDatabase database;
    final H2Warehouse warehouse;
    final H2OperationRepository operations;
    final JsonLinesOperationLog log;
    final BigQueryEmulator emulator;
    private final ProcessWorkers workers = new ProcessWorkers();
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger ids = new AtomicInteger(1000);

    BeamFixture(Path dataDir) {
        database = OperationDatabase.open(dataDir);
        warehouse = H2Warehouse.open(dataDir);
        operations = new H2OperationRepository(database);
        log = new JsonLinesOperationLog(dataDir);
        emulator = BigQueryEmulator.start(warehouse, 0, clock, () -> "e" + ids.incrementAndGet());
        warehouse.createDataset(PROJECT, DATASET);
    }

    static TableUri table(String name) {
        return new TableUri(PROJECT, DATASET, name);
    }

    /** Creates the export operation of {@code source} into {@code table} (validated as the CLI does; not run). */
    Operation start(String source, TableUri table, DestinationOptions options) {
        return start(new LocalDicomStoreSources(), source, table, options);
    }

    Operation start(DicomStoreSources sources, String source, TableUri table, DestinationOptions options) {
        return start(sources, source, table, options, Optional.empty());
    }

    /** As above, exporting only what the filter file at {@code filter} selects (specification 4). */
    Operation start(DicomStoreSources sources, String source, TableUri table, DestinationOptions options,
                    Optional<String> filter) {
        ExportDicomMetadataService export = new ExportDicomMetadataService(new H2DicomStoreRegistry(database),
                sources, warehouse.tableSink(), new LocalFilterFiles(), operations, log,
                () -> Integer.toString(ids.incrementAndGet()), workers, name -> { }, clock);
        DicomStoreName store = DicomStoreName.parse("projects/beam-project/locations/local/datasets/default/dicomStores/s");
        return export.export(new ExportRequest(new ExportRequest.AdHocStore(store, source), table.toString(),
                options, false, Layout.FLATTENED, filter));
    }

    RunExportService singleNode() {
        return new RunExportService(operations, new LocalDicomStoreSources(), warehouse.tableSink(), new LocalFilterFiles(),
                new DestinationAccess(new H2DatasetGrants(database)), log, workers, clock, 2, 500);
    }

    /** The Beam engine as the CLI finds it (ServiceLoader), aimed at the emulator. */
    RunExportUseCase beam(String runner, List<String> runnerArguments) {
        ScaleOutEngine engine = ServiceLoader.load(ScaleOutEngine.class).findFirst().orElseThrow();
        return engine.exports(runner, runnerArguments, new ScaleOutEngine.Context(operations, log,
                new DestinationAccess(new H2DatasetGrants(database)), new LocalFilterFiles(), workers, clock, PROJECT,
                emulator.url().toString()));
    }

    Operation operation(Operation started) {
        return operations.find(started.name()).orElseThrow().operation();
    }

    /** The table's rows as canonical JSON, sorted, so that two exports' tables compare whatever their row order. */
    List<String> rows(TableUri table) {
        List<String> rows = new ArrayList<>();
        for (Row row : warehouse.readRows(table, 0, Integer.MAX_VALUE)) {
            rows.add(RowJson.write(row));
        }
        rows.sort(null);
        return rows;
    }

    /** As {@link #rows}, without {@code column}: a value that differs between two runs by design (a read time). */
    List<String> rowsWithout(TableUri table, String column) {
        List<String> rows = new ArrayList<>();
        for (Row row : warehouse.readRows(table, 0, Integer.MAX_VALUE)) {
            java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(row.values());
            values.remove(column);
            rows.add(RowJson.write(Row.of(values)));
        }
        rows.sort(null);
        return rows;
    }

    String schema(TableUri table) {
        return SchemaJson.writePretty(warehouse.tableSchema(table).orElseThrow());
    }

    List<String> logLines(Operation operation) {
        try {
            Path file = log.file(operation.name());
            List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
            lines.sort(null);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
        warehouse.close();
        database.close();
    }
}
