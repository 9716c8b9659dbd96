package io.dicombq.it.beam;

import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export on Flink's embedded cluster (parallelism 2) against the BigQuery emulator: the same table, counters and
 * operation log (the corpus's malformed files are failing instances) as the single-node export, and a cancel while
 * workers read ends the operation CANCELLED with no destination table. Each run pays Flink's start-up, so the class
 * keeps to these two runs.
 */
@Tag("slow")
class BeamFlinkRunnerExportTest {
    private static final List<String> FLINK = List.of("--flinkMaster=[local]", "--parallelism=2");

    @TempDir
    Path temp;

    @Test
    void flinkWritesTheSameTableAndLogAsTheSingleNodeExport() throws Exception {
        Path store = BeamDirectRunnerExportTest.copyOfCorpus(temp.resolve("store"));
        try (BeamFixture fixture = new BeamFixture(temp.resolve("data"))) {
            TableUri local = BeamFixture.table("single_node");
            TableUri beam = BeamFixture.table("flink");
            Operation single = fixture.start(store.toString(), local, DestinationOptions.none());
            fixture.singleNode().run(single.name());
            Operation pipeline = fixture.start(store.toString(), beam, DestinationOptions.none());
            fixture.beam("flink", withTemp(FLINK)).run(pipeline.name());

            Operation singleDone = fixture.operation(single);
            Operation beamDone = fixture.operation(pipeline);
            assertThat(beamDone.error()).as("the pipeline's operation error").isEmpty();
            assertThat(singleDone.counter().failure()).as("the corpus has failing instances").isPositive();
            assertThat(beamDone.counter()).isEqualTo(singleDone.counter());
            assertThat(fixture.logLines(pipeline)).containsExactlyElementsOf(fixture.logLines(single));
            assertThat(fixture.schema(beam)).isEqualTo(fixture.schema(local));
            assertThat(fixture.rows(beam)).containsExactlyElementsOf(fixture.rows(local));
        }
    }

    @Test
    void aCancelWhileFlinkReadsCancelsTheJobAndLeavesNoTable() throws Exception {
        Path store = BeamDirectRunnerExportTest.copyOfCorpus(temp.resolve("store"));
        BlockingStoreSources.reset();
        try (BeamFixture fixture = new BeamFixture(temp.resolve("data"))) {
            TableUri beam = BeamFixture.table("cancelled");
            Operation pipeline = fixture.start(new BlockingStoreSources(), BlockingStoreSources.PREFIX + store, beam, DestinationOptions.none());
            Thread export = new Thread(() -> fixture.beam("flink", withTemp(FLINK)).run(pipeline.name()), "export");
            export.setDaemon(true);
            export.start();
            try {
                assertThat(BlockingStoreSources.reading.await(5, TimeUnit.MINUTES))
                        .as("a Flink worker started reading").isTrue();
                fixture.operations.requestCancel(pipeline.name());
                export.join(TimeUnit.MINUTES.toMillis(5));
                assertThat(export.isAlive()).as("the export heeds the cancel").isFalse();
            } finally {
                BlockingStoreSources.release.countDown();
            }
            Operation done = fixture.operation(pipeline);
            assertThat(done.done()).isTrue();
            assertThat(done.error()).hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(Code.CANCELLED));
            assertThat(fixture.warehouse.listTables(BeamFixture.PROJECT, BeamFixture.DATASET)).isEmpty();
        }
    }

    private List<String> withTemp(List<String> arguments) {
        return java.util.stream.Stream.concat(arguments.stream(), java.util.stream.Stream.of(
                "--tempLocation=" + temp.resolve("beam-temp"))).toList();
    }
}
