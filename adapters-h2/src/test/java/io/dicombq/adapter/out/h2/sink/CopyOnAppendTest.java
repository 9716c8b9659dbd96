package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Appends go through a copy of the table (docs/warehouse.md, "Crash safety"): nothing that other writers add to the
 * table while the copy runs may be lost, and a large insertAll request, which takes the same path, is still all or
 * nothing.
 */
class CopyOnAppendTest {
    private static final TableUri TABLE = new TableUri("append-project", "ds", "ct");

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
    void rowsInsertedWhileAnAppendCopiesTheTableAreKept() throws Exception {
        openWithEmptyTable();
        List<Row> expected = new ArrayList<>(rows(1, 3_000));
        warehouse.insertRows(TABLE, expected.subList(0, 500));
        warehouse.insertRows(TABLE, expected.subList(500, 3_000));
        List<Row> staged = rows(2, 3_000);
        expected.addAll(staged);

        ExecutorService inserter = Executors.newSingleThreadExecutor();
        AtomicBoolean committing = new AtomicBoolean(true);
        try {
            Future<List<Row>> streamed = insertAllWhile(inserter, committing);
            try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.APPEND)) {
                write.write(CtRows.schema(), staged);
                write.commit(CtRows.schema());
            } finally {
                committing.set(false);
            }
            expected.addAll(streamed.get());
        } finally {
            inserter.shutdownNow();
        }

        assertThat(warehouse.rowCount(TABLE)).isEqualTo(expected.size());
        assertThat(uids(warehouse.readRows(TABLE, 0, expected.size()))).isEqualTo(uids(expected));
    }

    @Test
    void anAppendToATableWithoutRowsCommitsTheTableItsRowsWereLoadedIntoInsteadOfACopy() throws Exception {
        openWithEmptyTable();
        List<Row> staged = rows(2, 1_000);
        long before = lastPhysicalId();
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.APPEND)) {
            write.write(CtRows.schema(), staged);
            write.commit(CtRows.schema());
        }

        assertThat(warehouse.readRows(TABLE, 0, 5_000)).containsExactlyElementsOf(staged);
        try (Connection connection = warehouse.database().connection()) {
            assertThat(Catalog.table(connection, TABLE).orElseThrow().physicalName())
                    .as("the loader's table (the first H2 table made after the write began), not one made at commit")
                    .isEqualTo("t_" + (before + 1));
        }
        assertThat(lastPhysicalId()).as("tables made by the write").isEqualTo(before + 2);
    }

    @Test
    void rowsInsertedWhileAnAppendToAnEmptyTableCommitsComeAfterTheStagedOnes() throws Exception {
        openWithEmptyTable();
        List<Row> staged = rows(2, 3_000);
        ExecutorService inserter = Executors.newSingleThreadExecutor();
        AtomicBoolean committing = new AtomicBoolean(true);
        List<Row> expected = new ArrayList<>();
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.APPEND)) {
            write.write(CtRows.schema(), staged);
            Future<List<Row>> streamed;
            try {
                streamed = insertAllWhile(inserter, committing);
                write.commit(CtRows.schema());
            } finally {
                committing.set(false);
            }
            List<Row> sent = streamed.get();
            // Requests answered before the commit looked at the table come first (it was not empty any more and
            // got a copy-on-append); the others come after the staged rows.
            List<Row> read = warehouse.readRows(TABLE, 0, 10_000);
            int first = read.indexOf(staged.get(0));
            expected.addAll(sent.subList(0, first));
            expected.addAll(staged);
            expected.addAll(sent.subList(first, sent.size()));
            assertThat(read).containsExactlyElementsOf(expected);
        } finally {
            inserter.shutdownNow();
        }
    }

    /** Opens the warehouse and creates the table, without rows. */
    private void openWithEmptyTable() {
        warehouse = H2Warehouse.open(dir);
        warehouse.createDataset(TABLE.project(), TABLE.dataset());
        warehouse.createTable(TABLE, CtRows.schema());
    }

    /** Small insertAll requests into the live table for as long as the append's commit runs, and three at least. */
    private Future<List<Row>> insertAllWhile(ExecutorService inserter, AtomicBoolean committing) {
        return inserter.submit(() -> {
            List<Row> sent = new ArrayList<>();
            for (int request = 0; committing.get() || request < 3; request++) {
                List<Row> rows = rows(100 + request, 20);
                warehouse.insertRows(TABLE, rows);
                sent.addAll(rows);
            }
            return sent;
        });
    }

    private long lastPhysicalId() throws SQLException {
        try (Connection connection = warehouse.database().connection()) {
            return Long.parseLong(Catalog.nextPhysicalName(connection).substring(2));
        }
    }

    @Test
    void aLargeInsertAllRequestIsAllOrNothing() {
        openWithEmptyTable();
        List<Row> first = rows(1, 1_200);
        List<Row> bad = new ArrayList<>(rows(2, 1_200));
        bad.set(1_100, Row.of(java.util.Map.of("Rows", "one hundred")));

        warehouse.insertRows(TABLE, first);
        assertThatThrownBy(() -> warehouse.insertRows(TABLE, bad))
                .hasMessageContaining("row 1100")
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));

        assertThat(warehouse.readRows(TABLE, 0, 5_000)).containsExactlyElementsOf(first);
    }

    private static List<Row> rows(int study, int count) {
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(CtRows.instance(4, study, 1, i));
        }
        return rows;
    }

    private static Set<Object> uids(List<Row> rows) {
        Set<Object> uids = new HashSet<>();
        for (Row row : rows) {
            assertThat(uids.add(row.values().get("SOPInstanceUID"))).as("no row twice").isTrue();
        }
        return uids;
    }
}
