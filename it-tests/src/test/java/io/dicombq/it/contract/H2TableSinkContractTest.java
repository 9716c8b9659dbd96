package io.dicombq.it.contract;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import org.junit.jupiter.api.AfterEach;

import java.util.List;
import java.util.UUID;

/** The TableSink contract on the embedded H2 warehouse. */
class H2TableSinkContractTest extends AbstractTableSinkContractTest {
    private H2Warehouse warehouse;

    @Override
    protected TableSink newSink() {
        warehouse = H2Warehouse.inMemory("contract-" + UUID.randomUUID());
        return warehouse.tableSink();
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
    void close() {
        warehouse.close();
    }
}
