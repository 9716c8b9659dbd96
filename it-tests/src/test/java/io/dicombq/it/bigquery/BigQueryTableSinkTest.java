package io.dicombq.it.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobConfiguration;
import com.google.cloud.bigquery.JobStatistics;
import io.dicombq.adapter.out.bigquery.BigQueryTableSink;
import io.dicombq.adapter.out.bigquery.SpoolLoading;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the BigQuery adapter adds on top of the TableSink contract: staging, one copy, cleanup, errors. */
class BigQueryTableSinkTest {
    private static final Column UID = Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE);
    private static final Column ROWS = Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE);
    private static final Column MODALITY = Column.of("Modality", ColumnType.STRING, Mode.NULLABLE);

    @TempDir
    Path spool;
    private EmulatorFixture fixture;
    private BigQueryTableSink sink;
    private final TableUri table = new TableUri(EmulatorFixture.PROJECT, "dicom", "instances");

    @BeforeEach
    void start() {
        fixture = new EmulatorFixture();
        fixture.warehouse.createDataset(EmulatorFixture.PROJECT, "dicom");
        sink = new BigQueryTableSink(fixture.clients(), Clock.systemUTC(), EmulatorFixture.ids("s"), spool);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theStateComesFromTableMetadata() {
        assertThat(sink.state(table)).isEqualTo(TableState.ABSENT);
        fixture.warehouse.createTable(table, TableSchema.of(UID));
        assertThat(sink.state(table)).isEqualTo(TableState.EMPTY);
        fixture.warehouse.insertRows(table, List.of(row("1")));
        assertThat(sink.state(table)).isEqualTo(TableState.HAS_ROWS);
        assertThat(sink.schema(table)).contains(TableSchema.of(UID));
    }

    @Test
    void aMissingDatasetIsNotFoundAndNamed() {
        TableUri elsewhere = new TableUri(EmulatorFixture.PROJECT, "nope", "t");

        assertThat(sink.datasetExists(EmulatorFixture.PROJECT, "nope")).isFalse();
        assertThatThrownBy(() -> sink.state(elsewhere)).isInstanceOfSatisfying(DicombqException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
            assertThat(e.getMessage()).contains("nope");
        });
    }

    @Test
    void aCommittedExportIsVisibleWithItsGrownSchemaAndLeavesNoStagingBehind() {
        try (StagedWrite write = sink.begin(table, WritePlan.CREATE)) {
            write.write(TableSchema.of(UID), List.of(row("1")));
            write.write(TableSchema.of(UID, ROWS), List.of(Row.of(Map.of("SOPInstanceUID", "2", "Rows", 512L))));
            assertThat(fixture.warehouse.tableSchema(table)).isEmpty();
            write.commit(TableSchema.of(UID, ROWS));
        }

        assertThat(fixture.warehouse.tableSchema(table)).contains(TableSchema.of(UID, ROWS));
        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(row("1"),
                Row.of(Map.of("SOPInstanceUID", "2", "Rows", 512L)));
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).containsExactly("instances");
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void appendKeepsRowsAndColumnsAndAddsTheNewOnes() {
        fixture.warehouse.createTable(table, TableSchema.of(UID, ROWS));
        fixture.warehouse.insertRows(table, List.of(Row.of(Map.of("SOPInstanceUID", "old", "Rows", 1L))));

        try (StagedWrite write = sink.begin(table, WritePlan.APPEND)) {
            write.write(TableSchema.of(UID, MODALITY), List.of(Row.of(Map.of("SOPInstanceUID", "new", "Modality", "CT"))));
            write.commit(TableSchema.of(UID, ROWS, MODALITY));
        }

        assertThat(fixture.warehouse.tableSchema(table)).contains(TableSchema.of(UID, ROWS, MODALITY));
        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(
                Row.of(Map.of("SOPInstanceUID", "old", "Rows", 1L)),
                Row.of(Map.of("SOPInstanceUID", "new", "Modality", "CT")));
    }

    @Test
    void truncateReplacesRowsAndSchema() {
        fixture.warehouse.createTable(table, TableSchema.of(UID, ROWS));
        fixture.warehouse.insertRows(table, List.of(Row.of(Map.of("SOPInstanceUID", "old", "Rows", 1L))));

        try (StagedWrite write = sink.begin(table, WritePlan.TRUNCATE_THEN_WRITE)) {
            write.write(TableSchema.of(UID, MODALITY), List.of(Row.of(Map.of("SOPInstanceUID", "new", "Modality", "MR"))));
            write.commit(TableSchema.of(UID, MODALITY));
        }

        assertThat(fixture.warehouse.tableSchema(table)).contains(TableSchema.of(UID, MODALITY));
        assertThat(fixture.warehouse.readRows(table, 0, 10))
                .containsExactly(Row.of(Map.of("SOPInstanceUID", "new", "Modality", "MR")));
    }

    @Test
    void anAbortedExportLeavesTheDestinationAndTheDatasetAsTheyWere() {
        fixture.warehouse.createTable(table, TableSchema.of(UID));
        fixture.warehouse.insertRows(table, List.of(row("kept")));

        try (StagedWrite write = sink.begin(table, WritePlan.OVERWRITE)) {
            write.write(TableSchema.of(UID), List.of(row("lost")));
        }

        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(row("kept"));
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).containsExactly("instances");
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void aCommitBigQueryRefusesPassesItsErrorThroughAndChangesNothing() {
        existingWithRowsAsText("kept");

        StagedWrite write = sink.begin(table, WritePlan.APPEND);
        write.write(TableSchema.of(UID, ROWS), List.of(Row.of(Map.of("SOPInstanceUID", "new", "Rows", 2L))));

        assertThatThrownBy(() -> write.commit(TableSchema.of(UID, ROWS)))
                .isInstanceOfSatisfying(DicombqException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("Rows").contains("STRING").contains("INTEGER");
                });
        assertThat(fixture.warehouse.readRows(table, 0, 10))
                .containsExactly(Row.of(Map.of("SOPInstanceUID", "kept", "Rows", "one")));
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).containsExactly("instances");
    }

    @Test
    void aTableCreatedWithRowsWhileTheExportRanMakesCreateFailWithAlreadyExists() {
        StagedWrite write = sink.begin(table, WritePlan.CREATE);
        write.write(TableSchema.of(UID), List.of(row("mine")));
        fixture.warehouse.createTable(table, TableSchema.of(UID));
        fixture.warehouse.insertRows(table, List.of(row("theirs")));

        assertThatThrownBy(() -> write.commit(TableSchema.of(UID)))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.ALREADY_EXISTS));
        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(row("theirs"));
    }

    @Test
    void nestedRepeatedRecordsJsonAndEveryScalarTypeRoundTripExactly() {
        Column code = Column.record("ProcedureCodeSequence", Mode.REPEATED, List.of(
                Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE),
                Column.record("Modifiers", Mode.REPEATED, List.of(Column.of("Code", ColumnType.STRING, Mode.NULLABLE)))));
        Column name = Column.record("PatientName", Mode.NULLABLE, List.of(Column.record("Alphabetic", Mode.NULLABLE,
                List.of(Column.of("FamilyName", ColumnType.STRING, Mode.NULLABLE)))));
        TableSchema schema = TableSchema.of(UID, ROWS, code, name,
                Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE),
                Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
                Column.of("LastUpdated", ColumnType.TIMESTAMP, Mode.NULLABLE),
                Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
                Column.of("StudyTime", ColumnType.TIME, Mode.NULLABLE),
                Column.of("AcquisitionDateTime", ColumnType.DATETIME, Mode.NULLABLE),
                Column.of("SliceThickness", ColumnType.FLOAT, Mode.NULLABLE),
                Column.of("Ratio", ColumnType.NUMERIC, Mode.NULLABLE),
                Column.of("Burned", ColumnType.BOOLEAN, Mode.NULLABLE));
        Row full = Row.of(Map.ofEntries(
                Map.entry("SOPInstanceUID", "1.2.840.1"),
                Map.entry("Rows", 512L),
                Map.entry("ProcedureCodeSequence", List.of(
                        Row.of(Map.of("CodeValue", "CT1", "Modifiers", List.of(Row.of(Map.of("Code", "M1"))))),
                        Row.of(Map.of("CodeValue", "CT2", "Modifiers", List.of())))),
                Map.entry("PatientName", Row.of(Map.of("Alphabetic", Row.of(Map.of("FamilyName", "Doe"))))),
                Map.entry("Metadata", new JsonText("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"19045\"]}}")),
                Map.entry("ImageType", List.of("ORIGINAL", "PRIMARY")),
                Map.entry("LastUpdated", Instant.parse("2020-01-02T03:04:05.123456Z")),
                Map.entry("StudyDate", LocalDate.of(2021, 3, 4)),
                Map.entry("StudyTime", LocalTime.of(10, 5, 7, 120_000_000)),
                Map.entry("AcquisitionDateTime", LocalDateTime.of(2021, 3, 4, 10, 5, 7)),
                Map.entry("SliceThickness", 0.625),
                Map.entry("Ratio", new BigDecimal("1.5")),
                Map.entry("Burned", false)));

        try (StagedWrite write = sink.begin(table, WritePlan.CREATE)) {
            write.write(schema, List.of(full));
            write.commit(schema);
        }

        assertThat(sink.schema(table)).contains(schema);
        assertThat(fixture.warehouse.readRows(table, 0, 1)).containsExactly(full);
    }

    @Test
    void aStagingTableADeadProcessLeftIsRemovedOnceItIsADayOld() {
        TableUri orphan = new TableUri(EmulatorFixture.PROJECT, "dicom", "instances_dicombq_staging_dead");
        TableUri unrelated = new TableUri(EmulatorFixture.PROJECT, "dicom", "instances_backup");
        fixture.warehouse.createTable(orphan, TableSchema.of(UID));
        fixture.warehouse.createTable(unrelated, TableSchema.of(UID));
        BigQueryTableSink today = sink;
        BigQueryTableSink twoDaysLater = new BigQueryTableSink(fixture.clients(),
                Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(2)), EmulatorFixture.ids("later"), spool);

        export(today, WritePlan.CREATE);
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).contains(orphan.table());
        export(twoDaysLater, WritePlan.TRUNCATE_THEN_WRITE);

        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom"))
                .containsExactlyInAnyOrder("instances", unrelated.table());
    }

    /**
     * Against a BigQuery at a loopback address nothing is loaded while the export runs, and the commit is one load job
     * of every row straight into the destination, for every plan: no staging table, no copy job.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"CREATE, absent", "WRITE_INTO_EMPTY, empty", "APPEND, one row", "TRUNCATE_THEN_WRITE, one row",
            "OVERWRITE, one row"})
    void anExportNothingWasLoadedDuringIsOneLoadStraightIntoTheDestination(WritePlan plan, String before) {
        if (!before.equals("absent")) {
            fixture.warehouse.createTable(table, TableSchema.of(UID, ROWS));
        }
        if (before.equals("one row")) {
            fixture.warehouse.insertRows(table, List.of(Row.of(Map.of("SOPInstanceUID", "old", "Rows", 1L))));
        }
        Row ct = Row.of(Map.of("SOPInstanceUID", "2", "Modality", "CT"));
        boolean keepsColumns = !plan.replacesSchema();
        TableSchema exported = keepsColumns ? TableSchema.of(UID, ROWS, MODALITY) : TableSchema.of(UID, MODALITY);

        try (StagedWrite write = sink.begin(table, plan)) {
            write.write(TableSchema.of(UID), List.of(row("1")));
            write.write(TableSchema.of(UID, MODALITY), List.of(ct));
            write.commit(exported);
        }

        assertThat(fixture.warehouse.tableSchema(table)).contains(exported);
        List<Row> expected = plan == WritePlan.APPEND
                ? List.of(Row.of(Map.of("SOPInstanceUID", "old", "Rows", 1L)), row("1"), ct) : List.of(row("1"), ct);
        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactlyElementsOf(expected);
        assertThat(jobs()).containsExactly("LOAD 2");
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).containsExactly("instances");
        assertThat(spool).isEmptyDirectory();
    }

    /** On this machine the load job names the spool's file for BigQuery to read, instead of uploading it. */
    @Test
    void onThisMachineTheLoadNamesTheSpoolsFile() {
        export(sink, WritePlan.CREATE);

        List<Job> loads = new ArrayList<>();
        fixture.client().listJobs(BigQuery.JobListOption.allUsers()).iterateAll().forEach(loads::add);
        assertThat(loads).hasSize(1);
        com.google.cloud.bigquery.LoadJobConfiguration load = loads.get(0).getConfiguration();
        assertThat(load.getSourceUris()).singleElement().asString().startsWith(spool.toUri().toString())
                .endsWith(".ndjson");
        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(row("1"));
        assertThat(spool).isEmptyDirectory();
    }

    /** A BigQuery on this machine that cannot read its files (an emulator in a container) gets them uploaded. */
    @Test
    void aBigQueryOnThisMachineThatRefusesLocalFilesGetsThemUploaded() throws Exception {
        try (RefusingLocalFiles container = new RefusingLocalFiles(fixture.url())) {
            BigQueryTableSink throughIt = new BigQueryTableSink(
                    io.dicombq.adapter.out.bigquery.BigQueryClients.emulator(EmulatorFixture.PROJECT, container.url()),
                    Clock.systemUTC(), EmulatorFixture.ids("c"), spool);

            export(throughIt, WritePlan.CREATE);

            assertThat(container.refused).hasValue(1);
            assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(row("1"));
            assertThat(jobs()).containsExactly("LOAD 1");
            assertThat(spool).isEmptyDirectory();
        }
    }

    /** The client polls a load the emulator answers RUNNING (as BigQuery answers) until it ends. */
    @Test
    void aLoadAnsweredRunningIsWaitedFor() {
        try (EmulatorFixture answeringAtOnce = new EmulatorFixture(java.time.Duration.ZERO)) {
            answeringAtOnce.warehouse.createDataset(EmulatorFixture.PROJECT, "dicom");
            BigQueryTableSink polled = new BigQueryTableSink(answeringAtOnce.clients(), Clock.systemUTC(),
                    EmulatorFixture.ids("r"), spool);

            export(polled, WritePlan.CREATE);

            assertThat(answeringAtOnce.warehouse.readRows(table, 0, 10)).containsExactly(row("1"));
        }
    }

    /**
     * A segment loaded during the export, then the tail: a column added after the segment's is added to its table
     * and the commit loads the tail alone; one added between them has the segment loaded again with the tail.
     */
    @ParameterizedTest(name = "Rows {0} -> the commit loads {1} rows")
    @CsvSource({"after Modality, 1", "before Modality, 3"})
    void aLoadedSegmentEndsInTheFinalSchemaAndOrderWithTheTail(String where, long rowsLoadedAtCommit) {
        // 40 characters: the first batch stays in the spool, the second cuts a segment, the third is the tail
        BigQueryTableSink segmented = sinkLoading(new SpoolLoading(40, Runnable::run));
        TableSchema wider = TableSchema.of(UID, MODALITY);
        TableSchema widest = where.startsWith("after") ? TableSchema.of(UID, MODALITY, ROWS) : TableSchema.of(UID, ROWS, MODALITY);
        Row ct = Row.of(Map.of("SOPInstanceUID", "2", "Modality", "CT"));
        Row tall = Row.of(Map.of("SOPInstanceUID", "3", "Rows", 512L));

        try (StagedWrite write = segmented.begin(table, WritePlan.CREATE)) {
            write.write(TableSchema.of(UID), List.of(row("1")));
            write.write(wider, List.of(ct));
            write.write(widest, List.of(tall));
            write.commit(widest);
        }

        assertThat(fixture.warehouse.tableSchema(table)).contains(widest);
        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(row("1"), ct, tall);
        assertThat(jobs()).containsExactly("LOAD 2", "LOAD " + rowsLoadedAtCommit, "COPY");
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).containsExactly("instances");
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void anAppendThatRetypesALoadedColumnLoadsTheWholeSpoolAgainWithTheFinalSchema() {
        Column rowsAsText = existingWithRowsAsText("old");
        BigQueryTableSink everyWrite = sinkLoading(new SpoolLoading(1, Runnable::run));

        try (StagedWrite write = everyWrite.begin(table, WritePlan.APPEND)) {
            write.write(TableSchema.of(UID, ROWS), List.of(Row.of(Map.of("SOPInstanceUID", "new", "Rows", 2L))));
            // an existing STRING column takes a value of any type in its text form (docs/schema.md)
            write.commit(TableSchema.of(UID, rowsAsText));
        }

        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(
                Row.of(Map.of("SOPInstanceUID", "old", "Rows", "one")), Row.of(Map.of("SOPInstanceUID", "new", "Rows", "2")));
        assertThat(jobs()).containsExactly("LOAD 1", "LOAD 1", "COPY");
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).containsExactly("instances");
    }

    @Test
    void aLoadBigQueryRefusesDuringTheExportFailsTheNextWriteAndAbortLeavesNothingBehind() {
        BigQueryTableSink everyWrite = sinkLoading(new SpoolLoading(1, Runnable::run));
        Column required = Column.of("PatientID", ColumnType.STRING, Mode.REQUIRED);

        StagedWrite write = everyWrite.begin(table, WritePlan.CREATE);
        write.write(TableSchema.of(UID, required), List.of(row("no patient")));
        assertThatThrownBy(() -> write.write(TableSchema.of(UID, required), List.of(row("next"))))
                .isInstanceOfSatisfying(DicombqException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("PatientID");
                });
        write.abort();

        assertThat(fixture.warehouse.tableSchema(table)).isEmpty();
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).isEmpty();
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void anAbortReturnsWithoutWaitingForTheBackgroundLoadWhichLeavesNoStagingBehindWhenItEnds() throws InterruptedException {
        HeldLoad held = new HeldLoad();
        BigQueryTableSink background = sinkLoading(new SpoolLoading(1, held));
        StagedWrite write = background.begin(table, WritePlan.CREATE);
        write.write(TableSchema.of(UID), List.of(row("1")));
        held.started.await();

        write.abort();
        assertThat(spool).isEmptyDirectory();
        held.releaseAndJoin();

        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).isEmpty();
        assertThat(fixture.warehouse.tableSchema(table)).isEmpty();
    }

    /**
     * The commit loads the tail while the export's last segment is still loading: its load job is done while the
     * other is held back, and the copy keeps the rows in the order they were written.
     */
    @Test
    void theCommitsLoadRunsBesideTheLoadStillInFlight() throws InterruptedException {
        HeldLoad held = new HeldLoad();
        BigQueryTableSink background = sinkLoading(new SpoolLoading(1, held));
        StagedWrite write = background.begin(table, WritePlan.CREATE);
        write.write(TableSchema.of(UID), List.of(row("1")));
        held.started.await();
        // a load is in flight, so these rows stay in the spool for the commit
        write.write(TableSchema.of(UID), List.of(row("2"), row("3")));
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread committer = new Thread(() -> {
            try {
                write.commit(TableSchema.of(UID));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        committer.start();

        // the commit's load of the two spooled rows ends while the segment's load has not started; a commit that
        // waited for that load first would wait forever, so the wait on the condition is bounded, far above the
        // seconds the load takes on a loaded machine, and the held load is let go whatever happens
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        try {
            while (!jobs().equals(List.of("LOAD 2")) && failure.get() == null && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            assertThat(jobs()).containsExactly("LOAD 2");
        } finally {
            held.releaseAndJoin();
            committer.join();
        }

        assertThat(failure.get()).isNull();
        assertThat(fixture.warehouse.readRows(table, 0, 10)).containsExactly(row("1"), row("2"), row("3"));
        assertThat(jobs()).containsExactly("LOAD 2", "LOAD 1", "COPY");
        assertThat(fixture.warehouse.listTables(EmulatorFixture.PROJECT, "dicom")).containsExactly("instances");
        assertThat(spool).isEmptyDirectory();
    }

    /** Creates the destination with a STRING Rows column and one row, {@code uid} with Rows "one"; returns that column. */
    private Column existingWithRowsAsText(String uid) {
        Column rowsAsText = Column.of("Rows", ColumnType.STRING, Mode.NULLABLE);
        fixture.warehouse.createTable(table, TableSchema.of(UID, rowsAsText));
        fixture.warehouse.insertRows(table, List.of(Row.of(Map.of("SOPInstanceUID", uid, "Rows", "one"))));
        return rowsAsText;
    }

    private BigQueryTableSink sinkLoading(SpoolLoading loading) {
        return new BigQueryTableSink(fixture.clients(), Clock.systemUTC(), EmulatorFixture.ids("b"), spool, loading);
    }

    /**
     * The jobs run so far, in the order they ran (their ids end with the sink's counter, "_bN"): their kinds, and
     * for a load the rows it loaded.
     */
    private List<String> jobs() {
        List<Job> jobs = new ArrayList<>();
        fixture.client().listJobs(BigQuery.JobListOption.allUsers()).iterateAll().forEach(jobs::add);
        jobs.sort(java.util.Comparator.comparingLong(job -> Long.parseLong(job.getJobId().getJob().replaceAll(".*_b", ""))));
        List<String> kinds = new ArrayList<>();
        for (Job job : jobs) {
            JobConfiguration configuration = job.getConfiguration();
            String kind = configuration.getType().name();
            kinds.add(job.getStatistics() instanceof JobStatistics.LoadStatistics load
                    ? kind + " " + load.getOutputRows() : kind);
        }
        return kinds;
    }

    /** Runs each background load on a thread of its own once {@link #releaseAndJoin} lets it go on. */
    private static final class HeldLoad implements Executor {
        final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch goOn = new CountDownLatch(1);
        private final AtomicReference<Thread> loader = new AtomicReference<>();

        @Override
        public void execute(Runnable load) {
            Thread thread = new Thread(() -> {
                started.countDown();
                awaitQuietly(goOn);
                load.run();
            });
            loader.set(thread);
            thread.start();
        }

        void releaseAndJoin() throws InterruptedException {
            goOn.countDown();
            loader.get().join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void export(BigQueryTableSink into, WritePlan plan) {
        try (StagedWrite write = into.begin(table, plan)) {
            write.write(TableSchema.of(UID), List.of(row("1")));
            write.commit(TableSchema.of(UID));
        }
    }

    private static Row row(String uid) {
        return Row.of(Map.of("SOPInstanceUID", uid));
    }
}
