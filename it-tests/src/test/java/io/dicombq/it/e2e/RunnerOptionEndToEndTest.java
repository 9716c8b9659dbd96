package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.in.emulator.BigQueryEmulator;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.RowJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dicom-stores export bq … --runner=direct} through the command line, against the BigQuery emulator: the
 * operation, its counters and the table are those of the same export run locally; wrong runner options are refused
 * before any operation exists.
 */
class RunnerOptionEndToEndTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path temp;
    private H2Warehouse served;
    private BigQueryEmulator emulator;
    private Cli cli;

    @BeforeEach
    void startEmulator() {
        served = H2Warehouse.inMemory("runner-option-" + DATABASES.incrementAndGet());
        AtomicInteger ids = new AtomicInteger();
        emulator = BigQueryEmulator.start(served, 0, Clock.systemUTC(), () -> "e" + ids.incrementAndGet());
        cli = new Cli(temp.resolve("data"), List.of("--warehouse=bigquery", "--bigquery-endpoint=" + emulator.url()));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
        served.close();
    }

    @Test
    void theDirectRunnerExportsTheSameTableAsTheLocalExport() {
        Path store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm", "MR_small.dcm", "rtplan.dcm");
        cli.ok("datasets", "create", "runner-project.exports");

        JsonNode local = cli.export(store.toString(), "--bq-table=bq://runner-project.exports.local");
        JsonNode beam = cli.export(store.toString(), "--bq-table=bq://runner-project.exports.beam", "--runner=direct",
                "--temp-location=" + temp.resolve("beam-temp"));

        assertThat(beam.has("error")).as(beam.toString()).isFalse();
        assertThat(beam.get("done").asBoolean()).isTrue();
        assertThat(beam.get("metadata").get("counter")).isEqualTo(local.get("metadata").get("counter"));
        assertThat(rows("beam")).hasSize(3).containsExactlyElementsOf(rows("local"));
        assertThat(served.tableSchema(table("beam"))).isEqualTo(served.tableSchema(table("local")));
    }

    @Test
    void aGlobIsMatchedByThePipelineAndItsFilesReadAsAFolderExportReadsThem() throws java.io.IOException {
        Path store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm", "MR_small.dcm");
        Corpus.folderOf(store.resolve("series-2"), "rtplan.dcm");
        java.nio.file.Files.writeString(store.resolve("notes.txt"), "not DICOM");
        java.nio.file.Files.writeString(store.resolve("series-2").resolve("DICOMDIR"), "a file-set index");
        cli.ok("datasets", "create", "runner-project.exports");

        JsonNode local = cli.export(store.toString(), "--bq-table=bq://runner-project.exports.local");
        JsonNode beam = cli.export(store + "/**.dcm", "--bq-table=bq://runner-project.exports.glob", "--runner=direct",
                "--temp-location=" + temp.resolve("beam-temp"));

        assertThat(beam.has("error")).as(beam.toString()).isFalse();
        assertThat(local.at("/metadata/counter/failure").asLong()).as("notes.txt is no DICOM file").isEqualTo(1);
        assertThat(beam.at("/metadata/counter/success").asLong()).isEqualTo(3);
        assertThat(beam.at("/metadata/counter/failure").isMissingNode() || beam.at("/metadata/counter/failure").asLong() == 0)
                .as("the glob leaves notes.txt out: " + beam).isTrue();
        assertThat(rows("glob")).hasSize(3).containsExactlyElementsOf(rows("local"));
        assertThat(served.tableSchema(table("glob"))).isEqualTo(served.tableSchema(table("local")));
    }

    @Test
    void aGcsPathIsAcceptedAndReadThroughBeamsGcsFileSystemWhichNeedsCredentials() {
        cli.ok("datasets", "create", "runner-project.exports");
        JsonNode beam = cli.export("gs://dicombq-test-bucket/dicom/**/*.dcm", "--bq-table=bq://runner-project.exports.gcs",
                "--runner=direct", "--temp-location=" + temp.resolve("beam-temp"));

        assertThat(beam.get("done").asBoolean()).isTrue();
        assertThat(beam.at("/error/code").asInt()).as(beam.toString()).isEqualTo(16); // UNAUTHENTICATED
        assertThat(beam.at("/error/message").asText()).contains("gs://dicombq-test-bucket/dicom/**/*.dcm")
                .contains("GCS file system").contains("credentials").contains("unchanged");
        assertThat(served.tableSchema(table("gcs"))).isEmpty();
    }

    @Test
    void dataflowFromAJarWithoutItsRunnerSaysWhichJarToBuild() {
        Cli.Result result = cli.run("dicom-stores", "export", "bq", temp.toString(), "--bq-table=bq://runner-project.exports.t",
                "--runner=dataflow", "--region=europe-west4", "--temp-location=gs://my-bucket/tmp");
        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("Dataflow runner").contains("-Pbeam,beam-dataflow")
                .contains("dicombq-beam-dataflow.jar");
    }

    @Test
    void aRunnerNeedsTheBigQueryWarehouse() {
        Cli h2 = new Cli(temp.resolve("h2-data"));
        Cli.Result result = h2.run("dicom-stores", "export", "bq", temp.toString(), "--bq-table=bq://runner-project.exports.t",
                "--runner=direct");
        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("--runner=direct").contains("--warehouse=bigquery");
    }

    @Test
    void anUnknownRunnerOrAnotherRunnersOptionIsRefused() {
        Cli.Result unknown = cli.run("dicom-stores", "export", "bq", temp.toString(), "--bq-table=bq://runner-project.exports.t",
                "--runner=spark");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("--runner=spark is not a runner").contains("flink");

        Cli.Result misplaced = cli.run("dicom-stores", "export", "bq", temp.toString(), "--bq-table=bq://runner-project.exports.t",
                "--runner=direct", "--flink-master=[local]");
        assertThat(misplaced.exit()).isNotZero();
        assertThat(misplaced.err()).contains("--flink-master applies to --runner=flink");

        Cli.Result async = cli.run("dicom-stores", "export", "bq", temp.toString(), "--bq-table=bq://runner-project.exports.t",
                "--runner=direct", "--async");
        assertThat(async.exit()).isNotZero();
        assertThat(async.err()).contains("--async");
    }

    private static TableUri table(String name) {
        return new TableUri("runner-project", "exports", name);
    }

    private List<String> rows(String name) {
        return served.readRows(table(name), 0, Integer.MAX_VALUE).stream().map(RowJson::write).sorted().toList();
    }
}
