package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An UNNEST of a wide array over a file-backed table streams through H2 instead of being materialised level by
 * level: eagerly, every derived table of the translation past H2's in-memory row limit went to a temporary file,
 * each of its rows carrying the whole array (over 20,000 realistic instances, 69 GB of disk before it failed). The
 * measure is the bytes this process writes while the query runs ({@code /proc/self/io}), not time: 384 MB eagerly
 * for these rows, 106 MB lazily (H2 still computes one level of this small table's plan in full; on realistic rows
 * the lazy plan wrote nothing, docs/BENCHMARKS.md session 15).
 */
class LazyExecutionTest {
    private static final int ROWS = 60;
    private static final int ELEMENTS = 40;
    private static final String DATA = "A".repeat(1_000);
    /** Between what the lazy plan writes for these rows and what the eager one does (see above). */
    private static final long WRITE_BOUND = 200L << 20;

    @Test
    void unnestOfAWideArrayStreamsInsteadOfSpillingEachLevelToDisk(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/io")), "needs Linux's per-process I/O counters");
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.createDataset("my-project", "dicom");
            TableUri table = new TableUri("my-project", "dicom", "wide");
            warehouse.createTable(table, new TableSchema(List.of(
                    Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
                    Column.record("OtherElements", Mode.REPEATED, List.of(
                            Column.of("Tag", ColumnType.STRING, Mode.NULLABLE),
                            Column.of("Data", ColumnType.STRING, Mode.REPEATED))))));
            for (int i = 0; i < ROWS; i++) {
                List<Row> elements = new ArrayList<>();
                for (int e = 0; e < ELEMENTS; e++) {
                    elements.add(Row.of(Map.of("Tag", String.format("Tag_0029%04X", e), "Data", List.of(DATA))));
                }
                warehouse.insertRows(table, List.of(Row.of(Map.of("PatientID", "p" + i, "OtherElements", elements))));
            }
            try (Connection connection = warehouse.database().connection();
                 Statement statement = connection.createStatement()) {
                // H2's default scales with the heap (40,000 rows per GB); a small one makes a few rows show the spill
                statement.execute("SET MAX_MEMORY_ROWS 100");
            }
            H2QueryEngine engine = new H2QueryEngine(warehouse);

            long before = writtenBytes();
            QueryResult result = engine.query(QueryRequest.of("SELECT o.Tag, COUNT(*) AS n FROM `my-project.dicom.wide`,"
                    + " UNNEST(OtherElements) AS o GROUP BY o.Tag ORDER BY o.Tag", "my-project"));
            long written = writtenBytes() - before;

            assertThat(result.rows()).hasSize(ELEMENTS);
            assertThat(result.rows()).allSatisfy(row -> assertThat(row.get("n")).isEqualTo((long) ROWS));
            assertThat(result.rows().get(0).get("Tag")).isEqualTo("Tag_00290000");
            assertThat(written).as("bytes written while the query ran").isLessThan(WRITE_BOUND);
        }
    }

    /** Bytes this process has passed to write calls so far (wchar: files and sockets alike). */
    private static long writtenBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("wchar:")) {
                return Long.parseLong(line.substring("wchar:".length()).trim());
            }
        }
        throw new IllegalStateException("no wchar in /proc/self/io");
    }
}
