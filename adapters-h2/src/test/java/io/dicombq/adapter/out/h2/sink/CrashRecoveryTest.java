package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.sink.CrashingWriter.Kind;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed with SIGKILL at any point of a write leaves a database that reopens, with the destination
 * exactly as before the write or exactly as after it (row count and a checksum of every row's values), and its
 * staging cleaned up. The child is killed at several delays after it says where it is: H2 writes versions to disk
 * every few hundred milliseconds, so the delays land on different versions of the half-done load.
 */
class CrashRecoveryTest {
    private static final TableUri TABLE = new TableUri("crash-project", "ds", "ct");
    private static final int SEEDED = 2_000;
    /** Milliseconds after the child's signal for appends: at the start of the commit, in its middle, and later. */
    private static final long[] KILL_AFTER = {0, 500, 1_500};
    /** An overwrite's commit is short (its rows were loaded while staging): at its start and once it is done. */
    private static final long[] KILL_AFTER_OVERWRITE = {0, 300};
    /** insertAll requests come one after the other: early, and after several requests. */
    private static final long[] KILL_AFTER_INSERTS = {300, 1_000};

    @TempDir
    static Path seededTemplate;
    private static List<Row> seeded;

    @BeforeAll
    static void seed() {
        seeded = new ArrayList<>();
        for (int i = 0; i < SEEDED; i++) {
            seeded.add(CtRows.instance(1, i / 500, 1, i));
        }
        try (H2Warehouse warehouse = H2Warehouse.open(seededTemplate)) {
            warehouse.createDataset(TABLE.project(), TABLE.dataset());
            warehouse.createTable(TABLE, CtRows.schema());
            warehouse.insertRows(TABLE, seeded);
        }
    }

    @Test
    void aWriterKilledBeforeCommitLeavesTheTableUnchanged(@TempDir Path dir) throws Exception {
        copy(seededTemplate, dir);
        kill(dir, Kind.STAGED_ONLY, "STAGED", 0);

        try (H2Warehouse reopened = H2Warehouse.open(dir)) {
            assertThat(state(reopened)).isEqualTo(State.of(seeded));
            assertThat(physicalTables(reopened)).as("the dead writer's unlisted table is dropped at open").isEqualTo(1);
            Path staging = reopened.stagingDirectory();
            try (Stream<Path> staged = Files.exists(staging) ? Files.list(staging) : Stream.empty()) {
                assertThat(staged).as("no staging file is left").isEmpty();
            }
        }
    }

    @Test
    void anAppendKilledDuringCommitLeavesTheTableBeforeOrAfter(@TempDir Path dir) throws Exception {
        killAppendDuringCommit(dir, Kind.APPEND);
    }

    @Test
    void anAppendWithNewColumnsKilledDuringCommitLeavesTheTableBeforeOrAfter(@TempDir Path dir) throws Exception {
        killAppendDuringCommit(dir, Kind.APPEND_NEW_COLUMNS);
    }

    @Test
    void anOverwriteKilledDuringCommitLeavesTheTableBeforeOrAfter(@TempDir Path dir) throws Exception {
        killDuringCommit(dir, Kind.OVERWRITE, KILL_AFTER_OVERWRITE, State.of(seeded),
                State.of(CrashingWriter.staged(Kind.OVERWRITE)));
    }

    @Test
    void insertAllKilledMidwayLeavesWholeRequestsOnly(@TempDir Path dir) throws Exception {
        for (long delay : KILL_AFTER_INSERTS) {
            Path run = dir.resolve("kill-after-" + delay);
            copy(seededTemplate, run);
            kill(run, Kind.INSERT_ROWS, "INSERTING", delay);

            try (H2Warehouse reopened = H2Warehouse.open(run)) {
                State found = state(reopened);
                int requests = (int) ((found.count() - SEEDED) / CrashingWriter.REQUEST);
                List<Row> expected = new ArrayList<>(seeded);
                for (int n = 0; n < requests; n++) {
                    expected.addAll(CrashingWriter.request(n));
                }
                assertThat(found).as("killed %d ms after the first request: the seeded rows and %d whole requests",
                        delay, requests).isEqualTo(State.of(expected));
            }
        }
    }

    @Test
    void aWarehouseClosedBeforeCommitReopensUnchanged(@TempDir Path dir) throws Exception {
        copy(seededTemplate, dir);
        H2Warehouse writer = H2Warehouse.open(dir);
        StagedWrite write = writer.tableSink().begin(TABLE, WritePlan.TRUNCATE_THEN_WRITE);
        write.write(CtRows.schema(), List.of(CtRows.instance(5, 5, 5, 5)));
        writer.close();

        try (H2Warehouse reopened = H2Warehouse.open(dir)) {
            assertThat(state(reopened)).isEqualTo(State.of(seeded));
            assertThat(physicalTables(reopened)).isEqualTo(1);
        }
    }

    /** An append's commit copies the table first, so the first kill always finds the table as it was. */
    private static void killAppendDuringCommit(Path dir, Kind kind) throws Exception {
        List<Row> after = new ArrayList<>(seeded);
        after.addAll(CrashingWriter.staged(kind));
        assertThat(killDuringCommit(dir, kind, KILL_AFTER, State.of(seeded), State.of(after)))
                .as("the first kill lands before the %s commit is done", kind).startsWith(State.of(seeded));
    }

    /** Kills the child at each delay into its commit; returns the states found, in the order of the delays. */
    private static List<State> killDuringCommit(Path dir, Kind kind, long[] delays, State before, State after)
            throws Exception {
        List<State> seen = new ArrayList<>();
        for (long delay : delays) {
            Path run = dir.resolve("kill-after-" + delay);
            copy(seededTemplate, run);
            kill(run, kind, "COMMITTING", delay);

            try (H2Warehouse reopened = H2Warehouse.open(run)) {
                State found = state(reopened);
                assertThat(found).as("%s killed %d ms into its commit", kind, delay).isIn(before, after);
                assertThat(physicalTables(reopened)).as("unlisted tables are dropped at open").isEqualTo(1);
                seen.add(found);
            }
        }
        return seen;
    }

    /** Starts the child, waits for {@code signal}, waits {@code delayMillis} more, and kills it (SIGKILL on Unix). */
    private static void kill(Path dir, Kind kind, String signal, long delayMillis) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(),
                dir.toString(), TABLE.project(), TABLE.dataset(), TABLE.table(), kind.name())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals(signal)) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output: %s", seen).isEqualTo(signal);
            Thread.sleep(delayMillis);
            // No shutdown hooks, no chance to finish the commit or clean up.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    /** The table's row count and an order-independent checksum of every row's values in the CT columns. */
    private record State(long count, long checksum) {
        static State of(List<Row> rows) {
            long sum = 0;
            for (Row row : rows) {
                List<Object> values = new ArrayList<>();
                for (Column column : CtRows.schema().columns()) {
                    values.add(row.values().get(column.name()));
                }
                sum += Objects.hash(values.toArray());
            }
            return new State(rows.size(), sum);
        }
    }

    private static State state(H2Warehouse warehouse) {
        return State.of(warehouse.readRows(TABLE, 0, Math.toIntExact(warehouse.rowCount(TABLE))));
    }

    private static long physicalTables(H2Warehouse warehouse) throws Exception {
        try (Connection connection = warehouse.database().connection()) {
            return Jdbc.query(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?",
                    rs -> rs.getLong(1), TABLE.project() + "." + TABLE.dataset()).get(0);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
