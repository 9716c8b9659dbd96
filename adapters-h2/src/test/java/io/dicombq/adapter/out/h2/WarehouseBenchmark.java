package io.dicombq.adapter.out.h2;

import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmarks of the file-backed warehouse (docs/BENCHMARKS.md, "Warehouse (H2)"): write throughput of full CT
 * rows through the TableSink and the cost of an append to a large table (the query benchmark is adapters-sql's
 * QueryBenchmark). Run with {@code ./mvnw -q -B -pl adapters-h2 -am -Pbench-warehouse -DskipTests test
 * [-Dbench.args="write 20000"]} ({@code "append 100000"}).
 */
public final class WarehouseBenchmark {
    public static final TableUri TABLE = new TableUri("bench-project", "bench", "dicom_metadata");
    private static final int BATCH = 1_000;
    private static final int DISTINCT = 2_000;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private WarehouseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        if (mode.equals("write") || mode.equals("all")) {
            int rows = args.length > 1 && mode.equals("write") ? Integer.parseInt(args[1]) : 20_000;
            // One unreported round first: the JIT compiles H2's insert and page-writing paths during it.
            write(rows, Shape.PRIVATE_VARYING, 1, false);
            write(rows, Shape.PRIVATE);
            write(rows, Shape.PRIVATE_VARYING);
            write(rows, Shape.PUBLIC);
        }
        if (mode.equals("append") || mode.equals("all")) {
            append(args.length > 1 && mode.equals("append") ? Integer.parseInt(args[1]) : 100_000);
        }
    }

    /** The rows of a write round: CT_small's, with or without its private elements. */
    private enum Shape {
        PRIVATE("with 179 private elements"),
        /** Every fifth private value differs from row to row, as per-slice private values do in a real series. */
        PRIVATE_VARYING("with 179 private elements, 1 in 5 varying"),
        PUBLIC("public elements only");

        private final String label;

        Shape(String label) {
            this.label = label;
        }

        Row row(int i) {
            Row row = CtSmallRows.instance(i / 100, i / 50, i / 25, i);
            java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(row.values());
            if (this == PUBLIC) {
                values.remove("OtherElements");
                return Row.of(values);
            }
            if (this == PRIVATE) {
                return row;
            }
            List<Row> varied = new ArrayList<>();
            List<?> others = (List<?>) values.get("OtherElements");
            for (int e = 0; e < others.size(); e++) {
                Row element = (Row) others.get(e);
                varied.add(e % 5 != 0 ? element : Row.of(java.util.Map.of("Tag", element.get("Tag"),
                        "Data", List.of(i + "." + e))));
            }
            values.put("OtherElements", varied);
            return Row.of(values);
        }
    }

    /**
     * CT_small rows (76 columns, and its 179 private elements in OtherElements unless PUBLIC) through a staged
     * CREATE. The rows are made before the clock starts ({@value #DISTINCT} distinct ones, handed over again and
     * again), so the wall time is the sink's alone: staging, the load, indexes and the catalog swap.
     */
    private static void write(int rows, Shape shape) throws Exception {
        write(rows, shape, 3, true);
    }

    private static void write(int rows, Shape shape, int rounds, boolean report) throws Exception {
        TableSchema schema = CtSmallRows.schema();
        // The export pipeline hands the sink rows conformed to the merged schema (RowConformer): every column
        // present, in schema order, nested records included.
        List<Row> distinct = new ArrayList<>(DISTINCT);
        for (int i = 0; i < DISTINCT; i++) {
            distinct.add(io.dicombq.domain.schema.RowConformer.conform(shape.row(i), schema));
        }
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("dicombq-bench-write-");
            try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
                warehouse.createDataset(TABLE.project(), TABLE.dataset());
                System.gc();
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                long processStart = PROCESS.getProcessCpuTime();
                load(warehouse, schema, rows, distinct, report);
                if (!report) {
                    continue;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                double process = (PROCESS.getProcessCpuTime() - processStart) / 1e9;
                System.out.printf("write round %d, %s: %,d CT rows in %.2f s wall = %,.0f rows/s; CPU %.2f s on the"
                        + " writing thread, %.2f s in the whole process (with the load thread, H2's writer, GC)%n",
                        round, shape.label, rows, seconds, rows / seconds, cpu, process);
            } finally {
                deleteTree(dir);
            }
        }
    }

    /**
     * Appends 1,000 CT rows through a staged APPEND to a table of {@code rows} rows, three times: the commit copies
     * the table's rows into a new one (copy-on-append, docs/warehouse.md), so its cost grows with the table.
     */
    private static void append(int rows) throws Exception {
        Path dir = Files.createTempDirectory("dicombq-bench-append-");
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.createDataset(TABLE.project(), TABLE.dataset());
            generate(warehouse, rows);
            for (int round = 1; round <= 3; round++) {
                int first = rows + (round - 1) * 1_000;
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.APPEND)) {
                    List<Row> batch = new ArrayList<>();
                    for (int i = first; i < first + 1_000; i++) {
                        batch.add(CtRows.instance(i / 100, i / 50, i / 25, i));
                    }
                    write.write(CtRows.schema(), batch);
                    write.commit(CtRows.schema());
                }
                System.out.printf("append round %d: 1,000 CT rows to a table of %,d rows in %.2f s wall, %.2f s CPU of"
                        + " the writing thread%n", round, first, (System.nanoTime() - start) / 1e9,
                        (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
            System.out.printf("rows now %,d%n", warehouse.rowCount(TABLE));
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Creates the table (with the indexes the warehouse makes for every table) and fills it inside H2 (INSERT …
     * SELECT over SYSTEM_RANGE): the shape of {@link CtRows}, 100 instances per patient, 50 per study, 25 per
     * series, dates and times varying per study. Loading through the sink would measure the writer, which the
     * write benchmark does.
     */
    public static void generate(H2Warehouse warehouse, int rows) throws Exception {
        warehouse.createTable(TABLE, CtRows.schema());
        String table = warehouse.entry(TABLE).orElseThrow().physicalSql();
        String name = io.dicombq.adapter.out.h2.catalog.H2Types.elementOf(CtRows.personName("PatientName"));
        String codes = io.dicombq.adapter.out.h2.catalog.H2Types.of(CtRows.schema().column("ProcedureCodeSequence"));
        String code = io.dicombq.adapter.out.h2.catalog.H2Types.elementOf(CtRows.schema().column("ProcedureCodeSequence"));
        String modifier = io.dicombq.adapter.out.h2.catalog.H2Types.of(CtRows.schema().column("ProcedureCodeSequence").field("ModifierSequence"));
        String sql = "INSERT INTO " + table + " (\"StudyInstanceUID\", \"SeriesInstanceUID\", \"SOPInstanceUID\", \"SOPClassUID\","
                + " \"PatientID\", \"PatientName\", \"StudyDate\", \"StudyTime\", \"Modality\", \"ImageType\", \"PixelSpacing\","
                + " \"SliceThickness\", \"KVP\", \"Rows\", \"Columns\", \"InstanceNumber\", \"ImagePositionPatient\","
                + " \"ProcedureCodeSequence\")"
                + " SELECT '1.3.6.1.4.1.5962.1.2.' || (X / 100) || '.' || (X / 50), '1.3.6.1.4.1.5962.1.3.' || (X / 25),"
                + " '1.3.6.1.4.1.5962.1.1.' || X, '1.2.840.10008.5.1.4.1.1.2', 'P' || (X / 100),"
                + " CAST(ROW(CAST(ROW('Patient' || (X / 100), 'CT1', NULL, NULL, NULL) AS ROW(\"FamilyName\" VARCHAR,"
                + " \"GivenName\" VARCHAR, \"MiddleName\" VARCHAR, \"NamePrefix\" VARCHAR, \"NameSuffix\" VARCHAR)), NULL, NULL) AS " + name + "),"
                + " DATEADD(DAY, -MOD(X / 50, 5000), DATE '2021-03-04'), DATEADD(SECOND, MOD(X / 50, 86400), TIME '00:00:00'),"
                + " 'CT', ARRAY['ORIGINAL', 'PRIMARY', 'AXIAL'], ARRAY['0.661468', '0.661468'], '5.000000', '120', 512, 512,"
                + " CAST(MOD(X, 25) AS VARCHAR), ARRAY['-158.135803', '-179.035797', CAST(MOD(X, 25) * 5 AS VARCHAR)],"
                + " CAST(ARRAY[CAST(ROW('CTCHEST', 'L', 'CT Chest', CAST(ARRAY[] AS " + modifier + ")) AS " + code + ")] AS " + codes + ")"
                + " FROM SYSTEM_RANGE(0, " + (rows - 1) + ")";
        try (java.sql.Connection connection = warehouse.database().connection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Stages {@code rows} rows, batch by batch, cycling through {@code distinct}, and commits. */
    private static void load(H2Warehouse warehouse, TableSchema schema, int rows, List<Row> distinct, boolean report) {
        long staging = 0;
        try (StagedWrite write = warehouse.tableSink().begin(TABLE, WritePlan.CREATE)) {
            for (int first = 0; first < rows; first += BATCH) {
                int from = first % distinct.size();
                List<Row> batch = distinct.subList(from, Math.min(distinct.size(), from + Math.min(BATCH, rows - first)));
                long t0 = CPU.getCurrentThreadCpuTime();
                write.write(schema, batch);
                staging += CPU.getCurrentThreadCpuTime() - t0;
            }
            long t1 = CPU.getCurrentThreadCpuTime();
            write.commit(schema);
            if (!report) {
                return;
            }
            System.out.printf("  writing thread CPU: staging %.2f s, commit %.2f s%n", staging / 1e9,
                    (CPU.getCurrentThreadCpuTime() - t1) / 1e9);
        }
    }

    public static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
