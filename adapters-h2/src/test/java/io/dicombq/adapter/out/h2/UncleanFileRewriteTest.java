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
 * writes to it; a cleanly closed one, and one a live process holds (this one or another), are left alone.
 */
class UncleanFileRewriteTest {
    private static final TableUri TABLE = new TableUri("rw-project", "ds", "ct");

    @Test
    void aCleanlyClosedFileIsLeftAsItIs(@TempDir Path dir) throws Exception {
        seed(dir, 10);
        Path file = dir.resolve("warehouse.mv.db");
        assertThat(UncleanFileRewrite.closedCleanly(file)).isTrue();
        Object identity = fileKey(file);

        try (WriterLease lease = WriterLease.in(dir)) {
            assertThat(UncleanFileRewrite.ifLeftByACrash(dir, lease)).isFalse();
        }
        assertThat(fileKey(file)).isEqualTo(identity);
    }

    @Test
    void aFileCopiedWhileOpenIsRewrittenWithItsRowsBeforeH2OpensIt(@TempDir Path dir, @TempDir Path crashed) throws Exception {
        seed(dir, 0);
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.insertRows(TABLE, rows(0, 40));
            // The file as a process killed now would leave it: written since open, no clean mark.
            Files.copy(dir.resolve("warehouse.mv.db"), crashed.resolve("warehouse.mv.db"));
            try (WriterLease lease = WriterLease.in(dir)) {
                assertThat(UncleanFileRewrite.ifLeftByACrash(dir, lease)).as("a file this JVM has open is not touched")
                        .isFalse();
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

    @Test
    void aFileALiveProcessHoldsIsLeftAloneAndRewrittenOnceThatProcessIsKilled(@TempDir Path dir) throws Exception {
        TableUri main = new TableUri("kill-project", "ds", "main");
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.createDataset(main.project(), main.dataset());
            warehouse.createTable(main, CtSmallRows.schema());
        }
        Path file = dir.resolve("warehouse.mv.db");
        // A child that keeps inserting requests of 100 rows; it says AT once H2 wrote a version of its own writes.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.dicombq.adapter.out.h2.sink.KillChild",
                dir.toString(), "INSERT_ALL", "1", "0").redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("AT")) {
                // the child's other output
            }
            assertThat(line).isEqualTo("AT");
            Object identity = fileKey(file);
            assertThat(UncleanFileRewrite.closedCleanly(file)).isFalse();

            try (WriterLease lease = WriterLease.in(dir)) {
                assertThat(UncleanFileRewrite.ifLeftByACrash(dir, lease)).as("H2 in the child locks the file").isFalse();
            }
            assertThat(fileKey(file)).isEqualTo(identity);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        try (WriterLease lease = WriterLease.in(dir)) {
            assertThat(UncleanFileRewrite.ifLeftByACrash(dir, lease)).isTrue();
        }
        try (H2Warehouse reopened = H2Warehouse.open(dir)) {
            assertThat(reopened.rowCount(main) % 100).as("whole insertAll requests").isZero();
        }
    }

    private static Object fileKey(Path file) throws java.io.IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
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
