package io.dicombq.it.contract;

import io.dicombq.adapter.out.bigquery.BigQueryClients;
import io.dicombq.adapter.out.bigquery.BigQueryTableSink;
import io.dicombq.adapter.out.bigquery.SpoolLoading;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.in.emulator.BigQueryEmulator;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The TableSink contract on the production BigQuery adapter: the official client talks over loopback HTTP to
 * the BigQuery emulator, started in-process on a free port, over an in-memory H2 warehouse.
 */
class BigQueryTableSinkContractTest extends AbstractTableSinkContractTest {
    @TempDir
    Path spool;
    private H2Warehouse warehouse;
    private BigQueryEmulator emulator;

    @Override
    protected TableSink newSink() {
        warehouse = H2Warehouse.inMemory("bigquery-contract-" + UUID.randomUUID());
        AtomicLong ids = new AtomicLong();
        emulator = BigQueryEmulator.start(warehouse, 0, Clock.systemUTC(), () -> "e" + ids.incrementAndGet());
        AtomicLong stagingIds = new AtomicLong();
        // every batch is loaded as it is written (the commit-only path is BigQueryTableSinkTest's and end to end)
        return new BigQueryTableSink(BigQueryClients.emulator(PROJECT, emulator.url()), Clock.systemUTC(),
                () -> "s" + stagingIds.incrementAndGet(), spool, new SpoolLoading(1, Runnable::run));
    }

    @Override
    protected void createDataset(String project, String dataset) {
        warehouse.createDataset(project, dataset);
    }

    @Override
    protected List<Row> readAll(TableUri table) {
        return warehouse.readRows(table, 0, Integer.MAX_VALUE);
    }

    @AfterEach
    void stop() {
        emulator.close();
        warehouse.close();
    }
}
