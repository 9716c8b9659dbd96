package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.WarehouseBenchmark;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Seed query (b) over a million CT-shaped instances (docs/BENCHMARKS.md, "Query (b) over 1,000,000 rows"):
 * the table is filled inside H2 by the warehouse benchmark's filler, then the query runs five times through the
 * engine (parse, translate, run, convert). Run with
 * {@code ./mvnw -q -B -pl adapters-sql -am -Pbench-query -DskipTests test [-Dbench.args=1000000]}.
 */
public final class QueryBenchmark {
    private static final TableUri TABLE = WarehouseBenchmark.TABLE;
    private static final String QUERY_B = "#standardSQL\n"
            + "SELECT MIN(CONCAT(StudyDate, ' ', StudyTime)) as StudyDateTime, MIN(PatientID) as PatientID,\n"
            + "       StudyInstanceUID, COUNT(*) as InstanceCount\n"
            + "FROM `" + TABLE.project() + "." + TABLE.dataset() + "." + TABLE.table() + "` AS dicom\n"
            + "GROUP BY StudyInstanceUID ORDER BY StudyDateTime DESC LIMIT 10;";
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private QueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("dicombq-bench-query-");
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.createDataset(TABLE.project(), TABLE.dataset());
            long start = System.nanoTime();
            WarehouseBenchmark.generate(warehouse, rows);
            System.out.printf("loaded %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
            printPlan(warehouse);
            H2QueryEngine engine = new H2QueryEngine(warehouse);
            // The analyzer's start-up, in the order a first query pays it (docs/BENCHMARKS.md).
            long load = System.nanoTime();
            Class.forName("com.google.zetasql.JniChannelProvider");
            long builtins = System.nanoTime();
            ZetaSqlFrontEnd.get();
            System.out.printf("ZetaSQL: native library loaded in %d ms, built-in function catalog in %d ms%n",
                    (builtins - load) / 1_000_000, (System.nanoTime() - builtins) / 1_000_000);
            for (int run = 1; run <= 5; run++) {
                long t0 = System.nanoTime();
                long cpu0 = CPU.getCurrentThreadCpuTime();
                QueryResult result = engine.query(QueryRequest.of(QUERY_B, TABLE.project()));
                System.out.printf("query (b) run %d: %d rows in %d ms wall, %d ms CPU; first %s%n", run,
                        result.rows().size(), (System.nanoTime() - t0) / 1_000_000,
                        (CPU.getCurrentThreadCpuTime() - cpu0) / 1_000_000, result.rows().get(0).values());
            }
            // A simple query once warm: what the engine adds to an emulator's answer (analysis, translation, H2).
            String simple = "SELECT SOPInstanceUID FROM `" + TABLE.project() + "." + TABLE.dataset() + "." + TABLE.table()
                    + "` WHERE StudyInstanceUID = '1.3.6.1.4.1.5962.1.2.0.0' LIMIT 1";
            long[] times = new long[21];
            for (int run = 0; run < times.length; run++) {
                long t0 = System.nanoTime();
                engine.query(QueryRequest.of(simple, TABLE.project()));
                times[run] = (System.nanoTime() - t0) / 1_000_000;
            }
            long[] warm = java.util.Arrays.copyOfRange(times, 1, times.length);
            java.util.Arrays.sort(warm);
            System.out.printf("simple query: first %d ms, then median %d ms, max %d ms over %d runs%n", times[0],
                    warm[warm.length / 2], warm[warm.length - 1], warm.length);
        } finally {
            WarehouseBenchmark.deleteTree(dir);
        }
    }

    /** H2's plan for the translated query's shape: it should read the covering index only. */
    private static void printPlan(H2Warehouse warehouse) throws Exception {
        String table = warehouse.entry(TABLE).orElseThrow().physicalSql();
        try (Connection c = warehouse.database().connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("EXPLAIN SELECT MIN(CAST(\"StudyDate\" AS VARCHAR) || ' ' || CAST(\"StudyTime\""
                     + " AS VARCHAR)) AS x, MIN(\"PatientID\"), \"StudyInstanceUID\", COUNT(*) FROM " + table
                     + " AS \"s1\" GROUP BY \"StudyInstanceUID\" ORDER BY x DESC LIMIT 10")) {
            rs.next();
            System.out.println(rs.getString(1));
        }
    }
}
