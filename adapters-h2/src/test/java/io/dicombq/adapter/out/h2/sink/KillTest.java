package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.CtSmallRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.UncleanFileRewrite;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.adapter.out.h2.sink.KillChild.Kind;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100 SIGKILLs of a process writing to a file-backed warehouse that holds thousands of wide rows (CT_small with
 * its 179 private elements): half during the commit of an append, the rest while an append stages, during an
 * overwrite, a stream of insertAll requests, and a column added through the API. Each kill point is chosen by
 * progress the child observes (a batch staged, or the n-th version H2 wrote to disk since the write began), never
 * by a delay. After every kill the warehouse must open, every table must read in full, each written table must
 * hold exactly what it held before the write or after it (insertAll: whole requests), and the untouched table
 * must be as it was. Then the file must open a second time, after that first open closed it (H2 can close a file it
 * recovered and refuse it at the next open): the next round's child opens it, and after the last round, or before the
 * rounds start again from the seeded warehouse, the test opens it and reads every table in full again. The rounds
 * run one after the other, so each starts from what the previous kill left, until the main table has grown past
 * {@link #MAIN_ROWS_CAP} rows.
 */
@Tag("slow")
class KillTest {
    private static final int KILLS = Integer.getInteger("dicombq.killTest.kills", 100);
    /**
     * {@code -Ddicombq.killTest.keepFailed=true} copies the warehouse after every kill, before the check opens it, and
     * keeps the copy of a failed round in {@code target/KillTest-failed-round-N} (to chase a rare failure).
     */
    private static final boolean KEEP_FAILED = Boolean.getBoolean("dicombq.killTest.keepFailed");
    private static final int MAIN_ROWS = 2_000;
    /** Past this many rows in the main table, the next round starts again from the seeded warehouse. */
    private static final int MAIN_ROWS_CAP = 2_600;
    private static final int SIDE_ROWS = 300;
    /**
     * Each round compares the content of one row in this many (a different share each round, so every row is compared
     * every few rounds); H2 decodes every row in full either way.
     */
    private static final int CONTENT_SAMPLE = 4;
    /** The columns whose values are compared from round to round (every column is read and decoded by H2). */
    private static final List<String> COMPARED = List.of("SOPInstanceUID", "PatientName", "StudyDate", "OtherElements");

    /**
     * The rounds: 50 append commits, then the other kinds, interleaved so that each starts from a varied state.
     * {@code -Ddicombq.killTest.kinds=ADD_COLUMN,…} runs only those kinds, in turn (to chase one failure).
     */
    private static List<Kind> schedule() {
        List<Kind> kinds = new ArrayList<>();
        String only = System.getProperty("dicombq.killTest.kinds", "");
        if (!only.isBlank()) {
            String[] names = only.split(",");
            for (int i = 0; i < KILLS; i++) {
                kinds.add(Kind.valueOf(names[i % names.length].strip()));
            }
            return kinds;
        }
        Kind[] others = {Kind.APPEND_STAGING, Kind.OVERWRITE, Kind.INSERT_ALL, Kind.OVERWRITE, Kind.ADD_COLUMN};
        for (int i = 0; i < KILLS / 2; i++) {
            kinds.add(Kind.APPEND_COMMIT);
            kinds.add(others[i % others.length]);
        }
        return kinds;
    }

    @Test
    void everyKillLeavesAWarehouseThatOpensWithEachTableBeforeOrAfterItsWrite(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template");
        Expected seeded = seed(template);
        Path data = dir.resolve("warehouse");
        Expected expected = restore(template, seeded, data);
        List<String> failures = new ArrayList<>();
        List<Kind> kinds = schedule();
        int nextRow = 1_000_000;
        int unclean = 0;
        for (int round = 0; round < kinds.size(); round++) {
            Kind kind = kinds.get(round);
            if (expected.main.size() > MAIN_ROWS_CAP) {
                // Appends that committed grow the main table; back to the seeded one, so that every round costs alike,
                // once the last file has been opened a second time (no child will open it).
                String again = checkAgain(data, expected);
                if (again != null) {
                    failures.add("before round " + round + ": " + again);
                }
                expected = restore(template, seeded, data);
            }
            expected.sample = round % CONTENT_SAMPLE;
            // 1st to 8th version written since the write began: early, middle and late in a commit of this size.
            int n = kind == Kind.APPEND_STAGING ? 1 + round % 3 : 1 + (round / 2) % 8;
            long start = System.nanoTime();
            // The child opens the file the previous check opened, read and closed: H2 can close a file it recovered
            // and then refuse it at the next open ("Double mark"), so a child that cannot open it is a failure too.
            String outcome = kill(data, kind, n, nextRow);
            long killed = System.nanoTime();
            boolean cleanAfterKill = outcome == null && UncleanFileRewrite.closedCleanly(data.resolve("warehouse.mv.db"));
            unclean += outcome == null && !cleanAfterKill ? 1 : 0;
            Path asLeft = KEEP_FAILED && outcome == null ? copyOf(data, dir.resolve("as-left")) : null;
            if (outcome == null) {
                outcome = check(data, expected, kind, nextRow);
            }
            if (outcome != null && asLeft != null) {
                // the check rewrites or replaces the file, and the next round restores over it: keep it as the kill left it
                Path kept = Path.of("target", "KillTest-failed-round-" + round);
                delete(kept);
                copyOf(asLeft, kept);
                report("round " + round + ": the warehouse as the kill left it is kept in " + kept.toAbsolutePath());
            }
            report(String.format("round %d %s n=%d (%s): child %d ms, check %d ms: %s", round, kind, n,
                    cleanAfterKill ? "file clean" : "file left open", (killed - start) / 1_000_000,
                    (System.nanoTime() - killed) / 1_000_000, outcome == null ? "ok" : outcome));
            if (outcome != null) {
                failures.add("round " + round + " (" + kind + ", n=" + n + "): " + outcome);
                expected = restore(template, seeded, data);
            }
            nextRow += 10_000;
        }
        String last = checkAgain(data, expected);
        if (last != null) {
            failures.add("after the last round: " + last);
        }
        report(String.format("%d kills, %d left the file open (not closed cleanly), %d failed", kinds.size(), unclean,
                failures.size()));
        assertThat(failures).as("kills that left an unopenable or inconsistent warehouse, of %d", kinds.size()).isEmpty();
    }

    /** Prints a line, and appends it to target/KillTest-rounds.txt, which shows the rounds while the test runs. */
    private static void report(String line) throws IOException {
        System.out.println(line);
        Path log = Path.of("target", "KillTest-rounds.txt");
        if (Files.isDirectory(log.getParent())) {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** Replaces the warehouse in {@code data} with a copy of the seeded one, and returns what it holds. */
    private static Expected restore(Path template, Expected seeded, Path data) throws IOException {
        delete(data);
        Files.createDirectories(data);
        try (Stream<Path> files = Files.list(template)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, data.resolve(file.getFileName()));
            }
        }
        return seeded.copy();
    }

    /** A copy of every file of {@code from} (the warehouse and H2's trace file, if any) in {@code to}, emptied first. */
    private static Path copyOf(Path from, Path to) throws IOException {
        delete(to);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What the tables may hold: row numbers by table, and each row's content once it has been seen. */
    private static final class Expected {
        TreeSet<Integer> main = new TreeSet<>();
        TreeSet<Integer> side = new TreeSet<>();
        Set<String> sideColumns = new HashSet<>();
        TreeSet<Integer> fixed = new TreeSet<>();
        /** Row content by SOPInstanceUID, over the CT_small columns (rows never change once written). */
        final Map<String, Integer> content = new HashMap<>();
        /** The share of rows whose content this round compares (see {@link #CONTENT_SAMPLE}). */
        int sample;

        Expected copy() {
            Expected copy = new Expected();
            copy.main = new TreeSet<>(main);
            copy.side = new TreeSet<>(side);
            copy.sideColumns = new HashSet<>(sideColumns);
            copy.fixed = new TreeSet<>(fixed);
            copy.content.putAll(content);
            return copy;
        }
    }

    private static Expected seed(Path data) throws IOException {
        delete(data);
        Expected expected = new Expected();
        try (H2Warehouse warehouse = H2Warehouse.open(data)) {
            warehouse.createDataset(KillChild.MAIN.project(), KillChild.MAIN.dataset());
            for (TableUri table : List.of(KillChild.MAIN, KillChild.SIDE)) {
                warehouse.createTable(table, CtSmallRows.schema());
            }
            warehouse.createTable(KillChild.FIXED, CtRows.schema());
            for (int first = 0; first < MAIN_ROWS; first += 500) {
                warehouse.insertRows(KillChild.MAIN, KillChild.rows(first, 500));
            }
            warehouse.insertRows(KillChild.SIDE, KillChild.rows(MAIN_ROWS, SIDE_ROWS));
            List<Row> fixed = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                fixed.add(CtRows.instance(3, 0, 1, i));
                expected.fixed.add(i);
            }
            warehouse.insertRows(KillChild.FIXED, fixed);
        }
        for (int i = 0; i < MAIN_ROWS; i++) {
            expected.main.add(i);
        }
        for (int i = MAIN_ROWS; i < MAIN_ROWS + SIDE_ROWS; i++) {
            expected.side.add(i);
        }
        for (Column column : CtSmallRows.schema().columns()) {
            expected.sideColumns.add(column.name());
        }
        return expected;
    }

    /**
     * Starts the child, waits until it prints AT, and kills it (SIGKILL on Unix: no hooks, nothing finishes); null when
     * it got there, else what it printed instead (it could not open the warehouse, or its write failed).
     */
    private static String kill(Path data, Kind kind, int n, int first) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and one GC thread: the child lives seconds, and the two cores are shared with this JVM.
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                KillChild.class.getName(), data.toString(), kind.name(), String.valueOf(n), String.valueOf(first))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("AT")) {
                seen.append(line).append('\n');
            }
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // The dead child's H2 lock file makes the next open wait 2 to 4 s to be sure nobody else writes it (H2's
            // FileLock): a wait after every real crash too, but no part of what is tested here.
            Files.deleteIfExists(data.resolve("warehouse.lock.db"));
            String output = seen.toString();
            return line != null ? null : "the child did not get to its kill point: "
                    + output.substring(0, Math.min(output.length(), 2_000));
        } finally {
            child.destroyForcibly();
        }
    }

    /** Reopens the warehouse and checks every table; null when consistent, else what was wrong. */
    private static String check(Path data, Expected expected, Kind kind, int first) {
        try (H2Warehouse warehouse = H2Warehouse.open(data)) {
            Read main = read(warehouse, KillChild.MAIN, expected);
            Read side = read(warehouse, KillChild.SIDE, expected);
            Read fixed = read(warehouse, KillChild.FIXED, expected);
            if (main.problem != null || side.problem != null || fixed.problem != null) {
                return "rows changed content: " + main.problem + " " + side.problem + " " + fixed.problem;
            }
            if (!fixed.rows.equals(expected.fixed)) {
                return "the untouched table changed: " + fixed.rows.size() + " rows";
            }
            TreeSet<Integer> appended = range(first, KillChild.STAGED);
            switch (kind) {
                case APPEND_STAGING -> {
                    if (!main.rows.equals(expected.main)) {
                        return "an append killed while staging changed the table: " + main.rows.size() + " rows";
                    }
                }
                case APPEND_COMMIT -> {
                    TreeSet<Integer> after = union(expected.main, appended);
                    if (!main.rows.equals(expected.main) && !main.rows.equals(after)) {
                        return "the appended table is neither before (" + expected.main.size() + ") nor after ("
                                + after.size() + "): " + main.rows.size() + " rows";
                    }
                    expected.main = main.rows;
                }
                case INSERT_ALL -> {
                    int requests = (main.rows.size() - expected.main.size()) / KillChild.REQUEST;
                    TreeSet<Integer> whole = union(expected.main, range(first, requests * KillChild.REQUEST));
                    if (!main.rows.equals(whole)) {
                        return "insertAll left a partial request: " + main.rows.size() + " rows";
                    }
                    expected.main = main.rows;
                }
                case OVERWRITE -> {
                    if (!side.rows.equals(expected.side) && !side.rows.equals(appended)) {
                        return "the overwritten table is neither before nor after: " + side.rows.size() + " rows";
                    }
                    if (side.rows.equals(appended) && !appended.equals(expected.side)) {
                        expected.sideColumns = columnsOf(CtSmallRows.schema().columns());
                    }
                    expected.side = side.rows;
                }
                case ADD_COLUMN -> {
                    if (!side.rows.equals(expected.side)) {
                        return "adding a column changed the rows: " + side.rows.size() + " rows";
                    }
                    Set<String> columns = columnsOf(warehouse.tableSchema(KillChild.SIDE).orElseThrow().columns());
                    Set<String> added = new HashSet<>(expected.sideColumns);
                    added.add(KillChild.added(first).name());
                    if (!columns.equals(expected.sideColumns) && !columns.equals(added)) {
                        return "the side table's columns are neither before nor after: " + columns.size();
                    }
                    expected.sideColumns = columns;
                }
            }
            if (kind == Kind.APPEND_STAGING || kind == Kind.INSERT_ALL || kind == Kind.APPEND_COMMIT) {
                if (!side.rows.equals(expected.side)) {
                    return "the side table changed during a write to the main table";
                }
            } else if (!main.rows.equals(expected.main)) {
                return "the main table changed during a write to the side table";
            }
            return null;
        } catch (RuntimeException e) {
            return "cannot open or read the warehouse: " + e;
        }
    }

    /** Opens the warehouse once more after {@link #check} closed it, and reads every table in full again. */
    private static String checkAgain(Path data, Expected expected) {
        try (H2Warehouse warehouse = H2Warehouse.open(data)) {
            Read main = read(warehouse, KillChild.MAIN, null);
            Read side = read(warehouse, KillChild.SIDE, null);
            Read fixed = read(warehouse, KillChild.FIXED, null);
            if (!main.rows.equals(expected.main) || !side.rows.equals(expected.side) || !fixed.rows.equals(expected.fixed)) {
                return "at the second open, the tables differ from the first: " + main.rows.size() + " "
                        + side.rows.size() + " " + fixed.rows.size() + " rows";
            }
            return null;
        } catch (RuntimeException e) {
            return "cannot open or read the warehouse a second time after the first open closed it: " + e;
        }
    }

    private record Read(TreeSet<Integer> rows, String problem) {
    }

    /**
     * Reads every row of a table in full (H2 decodes whole rows, every column and nested value, whatever is selected)
     * and, given what to expect, compares the content of some columns with what earlier rounds saw.
     */
    private static Read read(H2Warehouse warehouse, TableUri table, Expected expected) {
        TableEntry entry = warehouse.entry(table).orElseThrow();
        TreeSet<Integer> rows = new TreeSet<>();
        String problem = null;
        String columns = expected == null ? "SOPInstanceUID" : "*";
        try (Connection connection = warehouse.database().connection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + columns + " FROM " + entry.physicalSql())) {
            while (rs.next()) {
                String uid = rs.getString("SOPInstanceUID");
                rows.add(Integer.parseInt(uid.substring(uid.lastIndexOf('.') + 1)));
                if (expected == null || Math.floorMod(uid.hashCode(), CONTENT_SAMPLE) != expected.sample) {
                    continue;
                }
                // These columns cover a RECORD, a REPEATED RECORD with a nested array, and a DATE.
                StringBuilder content = new StringBuilder();
                for (String column : COMPARED) {
                    content.append(rs.getString(column)).append('|');
                }
                Integer seen = expected.content.putIfAbsent(table.table() + uid, content.toString().hashCode());
                if (seen != null && seen != content.toString().hashCode()) {
                    problem = table.table() + " row " + uid;
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("reading " + table + ": " + e.getMessage(), e);
        }
        return new Read(rows, problem);
    }

    private static Set<String> columnsOf(List<Column> columns) {
        Set<String> names = new HashSet<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    private static TreeSet<Integer> range(int first, int count) {
        TreeSet<Integer> range = new TreeSet<>();
        for (int i = first; i < first + count; i++) {
            range.add(i);
        }
        return range;
    }

    private static TreeSet<Integer> union(Set<Integer> a, Set<Integer> b) {
        TreeSet<Integer> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }
}
