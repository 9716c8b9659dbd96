package io.dicombq.adapter.out.h2;

import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warehouse file that was not closed cleanly (what a killed process leaves) is copied into a fresh file before H2
 * writes to it; a cleanly closed one, and one a live process holds, are left alone.
 */
class UncleanFileRewriteTest {
    private static final TableUri TABLE = new TableUri("rw-project", "ds", "ct");

    @Test
    void aCleanlyClosedFileIsLeftAsItIs(@TempDir Path dir) throws Exception {
        seed(dir, 10);
        Path file = dir.resolve("warehouse.mv.db");
        assertThat(UncleanFileRewrite.closedCleanly(file)).isTrue();
        Object identity = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        try (WriterLease lease = WriterLease.in(dir)) {
            assertThat(UncleanFileRewrite.ifLeftByACrash(dir, lease)).isFalse();
        }
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .isEqualTo(identity);
    }

    @Test
    void aFileCopiedWhileOpenIsRewrittenWithItsRowsBeforeH2OpensIt(@TempDir Path dir, @TempDir Path crashed) throws Exception {
        seed(dir, 0);
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.insertRows(TABLE, rows(0, 40));
            // The file as a process killed now would leave it: written since open, no clean mark.
            Files.copy(dir.resolve("warehouse.mv.db"), crashed.resolve("warehouse.mv.db"));
            assertThat(UncleanFileRewrite.closedCleanly(dir.resolve("warehouse.mv.db"))).isFalse();
            try (WriterLease lease = WriterLease.in(dir)) {
                assertThat(UncleanFileRewrite.ifLeftByACrash(dir, lease))
                        .as("a file a live H2 holds is not touched").isFalse();
            }
        }
        Path file = crashed.resolve("warehouse.mv.db");
        assertThat(UncleanFileRewrite.closedCleanly(file)).isFalse();

        try (WriterLease lease = WriterLease.in(crashed)) {
            assertThat(UncleanFileRewrite.ifLeftByACrash(crashed, lease)).isTrue();
        }

        assertThat(UncleanFileRewrite.closedCleanly(file)).isTrue();
        assertThat(Files.exists(crashed.resolve("warehouse.mv.db.tempFile"))).isFalse();
        for (int open = 0; open < 2; open++) {
            try (H2Warehouse reopened = H2Warehouse.open(crashed)) {
                assertThat(reopened.rowCount(TABLE)).isEqualTo(40 + 5 * open);
                assertThat(reopened.readRows(TABLE, 0, 40)).isEqualTo(rows(0, 40));
                reopened.insertRows(TABLE, rows(40 + 5 * open, 5));
            }
        }
        try (H2Warehouse reopened = H2Warehouse.open(crashed)) {
            assertThat(reopened.rowCount(TABLE)).isEqualTo(50);
        }
    }

    private static void seed(Path dir, int rows) {
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.createDataset(TABLE.project(), TABLE.dataset());
            warehouse.createTable(TABLE, CtRows.schema());
            if (rows > 0) {
                warehouse.insertRows(TABLE, rows(0, rows));
            }
        }
    }

    private static List<Row> rows(int first, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            rows.add(CtRows.instance(2, 0, 1, i));
        }
        return rows;
    }
}
