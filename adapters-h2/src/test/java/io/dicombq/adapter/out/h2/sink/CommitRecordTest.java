package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit records its write id in the transaction that swaps the table in, so after a crash the next process can tell
 * a commit that happened from one that did not (specification 2: ABORTED means the destination is unchanged).
 */
class CommitRecordTest {
    private static final TableUri TABLE = new TableUri("commit-project", "ds", "ct");

    @TempDir
    Path dir;
    private H2Warehouse warehouse;

    @AfterEach
    void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    void aCommittedWriteIsRecordedAndSurvivesAReopenAnAbortedOneIsNot() {
        warehouse = H2Warehouse.open(dir);
        warehouse.createDataset(TABLE.project(), TABLE.dataset());
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            write.write(CtRows.schema(), List.of(CtRows.instance(1, 1, 1, 1)));
            write.commit(CtRows.schema(), "op/committed");
        }
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.APPEND)) {
            write.write(CtRows.schema(), List.of(CtRows.instance(1, 1, 1, 2)));
            write.abort();
        }
        warehouse.close();
        warehouse = H2Warehouse.open(dir);

        assertThat(warehouse.tableSink().committed("op/committed")).isEqualTo(Optional.of(true));
        assertThat(warehouse.tableSink().committed("op/aborted")).isEqualTo(Optional.of(false));
        assertThat(warehouse.rowCount(TABLE)).isEqualTo(1);
    }
}
