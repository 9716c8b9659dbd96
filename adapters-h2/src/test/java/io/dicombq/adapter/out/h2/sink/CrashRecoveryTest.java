package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A process that dies before commit leaves the destination exactly as it was, and its staging is cleaned up. */
class CrashRecoveryTest {
    private static final TableUri TABLE = new TableUri("crash-project", "ds", "ct");
    private static final List<Row> ORIGINAL = List.of(CtRows.instance(1, 1, 1, 1), CtRows.instance(1, 1, 1, 2));

    @Test
    void aWriterKilledBeforeCommitLeavesTheTableUnchanged(@TempDir Path dir) throws Exception {
        seed(dir);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(),
                dir.toString(), TABLE.project(), TABLE.dataset(), TABLE.table())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("STAGED")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: %s", seen).isEqualTo("STAGED");
            // SIGKILL on Unix: no shutdown hooks, no chance to commit or clean up.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (H2Warehouse reopened = H2Warehouse.open(dir)) {
            assertThat(reopened.readRows(TABLE, 0, 100)).containsExactlyElementsOf(ORIGINAL);
            assertThat(physicalTables(reopened)).isEqualTo(1);
            try (Stream<Path> staged = Files.list(reopened.stagingDirectory())) {
                assertThat(staged).as("the dead writer's staging file is deleted at open").isEmpty();
            }
        }
    }

    @Test
    void aWarehouseClosedBeforeCommitReopensUnchanged(@TempDir Path dir) throws Exception {
        seed(dir);
        H2Warehouse writer = H2Warehouse.open(dir);
        StagedWrite write = writer.tableSink().begin(TABLE, WritePlan.TRUNCATE_THEN_WRITE);
        write.write(CtRows.schema(), List.of(CtRows.instance(5, 5, 5, 5)));
        writer.close();

        try (H2Warehouse reopened = H2Warehouse.open(dir)) {
            assertThat(reopened.readRows(TABLE, 0, 100)).containsExactlyElementsOf(ORIGINAL);
            assertThat(physicalTables(reopened)).isEqualTo(1);
        }
    }

    private static void seed(Path dir) {
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.createDataset(TABLE.project(), TABLE.dataset());
            warehouse.createTable(TABLE, CtRows.schema());
            warehouse.insertRows(TABLE, ORIGINAL);
        }
    }

    private static long physicalTables(H2Warehouse warehouse) throws Exception {
        try (Connection connection = warehouse.database().connection()) {
            return Jdbc.query(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?",
                    rs -> rs.getLong(1), TABLE.project() + "." + TABLE.dataset()).get(0);
        }
    }
}
