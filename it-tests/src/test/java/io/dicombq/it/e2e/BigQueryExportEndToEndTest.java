package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export story with {@code --warehouse=bigquery --bigquery-endpoint=URL} against {@code dicombq serve
 * --bigquery-emulator} in its own process: the production BigQuery adapter, the official client and the emulator,
 * end to end. Query results are compared with the same export into the embedded warehouse.
 */
class BigQueryExportEndToEndTest {
    private static final String PROJECT = "bq-story-project";
    private static final String DATASET = PROJECT + ".exports";
    private static final int STORE_SIZE = 3;
    /** A guard against a hung worker, not a performance assertion. */
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final String SAMPLE_A = "#standardSQL\n"
            + "SELECT CONCAT('/dicomWeb/studies/', StudyInstanceUID, '/series/', SeriesInstanceUID, '/instances/', SOPInstanceUID) as DICOMwebPath\n"
            + "FROM `" + DATASET + ".story` WHERE PatientID = '1CT1';";
    private static final String SAMPLE_B = "#standardSQL\n"
            + "SELECT MIN(CONCAT(StudyDate, ' ', StudyTime)) as StudyDateTime, MIN(PatientID) as PatientID,\n"
            + "       StudyInstanceUID, COUNT(*) as InstanceCount\n"
            + "FROM `" + DATASET + ".story` AS dicom\n"
            + "GROUP BY StudyInstanceUID ORDER BY StudyDateTime DESC LIMIT 10;";
    private static final String SAMPLE_C = "SELECT CONCAT ('/studies/', StudyInstanceUID, '/series/', SeriesInstanceUID, '/instances/', SOPInstanceUID)\n"
            + "FROM [" + PROJECT + ":exports.story]";
    private static final Pattern FILTER_LINE = Pattern.compile(
            "/studies/[0-9.]{1,64}/series/[0-9.]{1,64}/instances/[0-9.]{1,64}");

    @TempDir
    static Path temp;
    private static BigQueryEmulatorProcess emulator;
    private static Cli bigQuery;
    private static Cli embedded;
    private static Path store;
    private static Path selectsNothing;

    @BeforeAll
    static void startTheEmulatorAndCreateTheDatasets() throws IOException {
        emulator = BigQueryEmulatorProcess.start(temp.resolve("emulator-data"));
        bigQuery = new Cli(temp.resolve("cli-data"), List.of("--warehouse=bigquery", "--bigquery-endpoint=" + emulator.url()));
        embedded = new Cli(temp.resolve("h2-data"));
        store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm", "MR_small.dcm", "rtplan.dcm");
        selectsNothing = Files.writeString(temp.resolve("nothing.txt"), "/studies/1.2.3.4.5.6.7.8.9\n");
        bigQuery.ok("datasets", "create", DATASET);
        embedded.ok("datasets", "create", DATASET);
    }

    @AfterAll
    static void stopTheEmulator() throws InterruptedException {
        emulator.close();
    }

    @Test
    void anExportThenTheSampleQueriesGiveTheSameAnswersAsTheEmbeddedWarehouse() {
        JsonNode operation = bigQuery.export(store.toString(), "--bq-table=bq://" + DATASET + ".story");
        embedded.export(store.toString(), "--bq-table=bq://" + DATASET + ".story");

        assertThat(operation.has("error")).as(operation.toString()).isFalse();
        assertThat(operation.get("metadata").get("counter").get("success").asText()).isEqualTo("3");
        assertThat(bigQuery.rows(DATASET + ".story")).isEqualTo(STORE_SIZE);
        assertThat(bigQuery.json("tables", "describe", DATASET + ".story", "--format=json"))
                .isEqualTo(embedded.json("tables", "describe", DATASET + ".story", "--format=json"));
        for (String sql : List.of(SAMPLE_A, SAMPLE_B)) {
            assertThat(bigQuery.ok("query", "--project=" + PROJECT, sql)).as(sql)
                    .isEqualTo(embedded.ok("query", "--project=" + PROJECT, sql));
        }
        // Query C has no ORDER BY, so only its set of rows is defined.
        assertThat(bigQuery.ok("query", "--project=" + PROJECT, "--format=csv", SAMPLE_C).lines().sorted().toList())
                .isEqualTo(embedded.ok("query", "--project=" + PROJECT, "--format=csv", SAMPLE_C).lines().sorted().toList());
        assertThat(bigQuery.json("query", "--project=" + PROJECT, SAMPLE_A)).singleElement()
                .satisfies(row -> assertThat(row.get("DICOMwebPath").asText())
                        .startsWith("/dicomWeb/studies/1.3.6.1.4.1.5962.1.2.1.20040119072730.12322/series/"));
        String filterFile = bigQuery.ok("query", "--project=" + PROJECT, "--format=csv", SAMPLE_C);
        assertThat(filterFile.lines().skip(1)).hasSize(STORE_SIZE).allMatch(line -> FILTER_LINE.matcher(line).matches());
    }

    @Test
    void benchExportMeasuresTheBigQueryPathWhenAskedAndRunsAgainstTheSameEndpoint() {
        Pattern into = Pattern.compile("exporting into bq://(bench-project\\.bench\\.instances_\\d+) \\(--warehouse=bigquery\\)");
        for (int run = 0; run < 2; run++) {
            String out = bigQuery.ok("bench", "export", "--instances=6", "--work-dir=" + temp.resolve("bench"));

            assertThat(out).contains("exported 6 instances (0 failed)");
            var table = into.matcher(out);
            assertThat(table.find()).as(out).isTrue();
            assertThat(bigQuery.rows(table.group(1))).isEqualTo(6);
        }
    }

    /** The specification 1.2 cells of the story: append, write-empty on an empty table, overwrite, and the refusals. */
    @ParameterizedTest(name = "{0} on a table {1} -> {2}, {3} rows")
    @CsvSource({
            "none,           absent,   OK,                  3",
            "none,           empty,    ALREADY_EXISTS,      0",
            "none,           has-rows, ALREADY_EXISTS,      3",
            "overwrite,      has-rows, OK,                  3",
            "overwrite,      empty,    OK,                  3",
            "write-empty,    empty,    OK,                  3",
            "write-empty,    has-rows, FAILED_PRECONDITION, 3",
            "write-truncate, has-rows, OK,                  3",
            "write-append,   has-rows, OK,                  6",
            "write-append,   empty,    OK,                  3",
    })
    void exportsFollowTheDispositionMatrixOnBigQuery(String options, String state, String outcome, long rowsAfter) {
        String table = DATASET + "." + options.replace('-', '_') + "_" + state.replace('-', '_');
        prepare(table, state);

        JsonNode operation = bigQuery.export(exportArguments(table, options));

        assertThat(operation.get("done").asBoolean()).isTrue();
        if (outcome.equals("OK")) {
            assertThat(operation.has("error")).as(operation.toString()).isFalse();
        } else {
            assertThat(operation.get("error").get("code").asInt()).as(operation.toString())
                    .isEqualTo(Code.valueOf(outcome).number());
        }
        assertThat(bigQuery.rows(table)).isEqualTo(rowsAfter);
        // Staging tables never outlive an export, whatever its outcome.
        assertThat(bigQuery.json("tables", "list", DATASET, "--format=json").toString()).doesNotContain("staging");
    }

    @Test
    void aMissingDatasetIsRefusedAtOnceWithNotFoundNamingIt() {
        Cli.Result refused = bigQuery.run("dicom-stores", "export", "bq", store.toString(),
                "--bq-table=bq://" + PROJECT + ".missing.t");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).startsWith("ERROR: NOT_FOUND: ").contains("missing");
    }

    @Test
    void anAsyncExportsWorkerProcessWritesToTheSameEndpoint() throws InterruptedException {
        String table = DATASET + ".async";
        JsonNode started = bigQuery.export(store.toString(), "--bq-table=bq://" + table, "--async");
        String name = started.get("name").asText();

        JsonNode operation = bigQuery.json("operations", "describe", name, "--format=json");
        Instant giveUp = Instant.now().plus(GIVE_UP);
        while (!operation.path("done").asBoolean() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
            operation = bigQuery.json("operations", "describe", name, "--format=json");
        }

        assertThat(operation.has("response")).as(operation.toString()).isTrue();
        assertThat(bigQuery.rows(table)).isEqualTo(STORE_SIZE);
    }

    private static String[] exportArguments(String table, String options) {
        String source = store.toString();
        String destination = "--bq-table=bq://" + table;
        return switch (options) {
            case "none" -> new String[] {source, destination};
            case "overwrite" -> new String[] {source, destination, "--overwrite-table"};
            default -> new String[] {source, destination, "--write-disposition=" + options};
        };
    }

    private static void prepare(String table, String state) {
        switch (state) {
            case "absent" -> assertThat(bigQuery.tableExists(DATASET, table.substring(DATASET.length() + 1))).isFalse();
            case "empty" -> {
                bigQuery.export(store.toString(), "--bq-table=bq://" + table, "--filter-config=" + selectsNothing);
                assertThat(bigQuery.rows(table)).isZero();
            }
            case "has-rows" -> {
                bigQuery.export(store.toString(), "--bq-table=bq://" + table);
                assertThat(bigQuery.rows(table)).isEqualTo(STORE_SIZE);
            }
            default -> throw new IllegalArgumentException(state);
        }
    }
}
