package io.dicombq.it.beam;

import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export as a Beam pipeline on the direct runner, against the BigQuery emulator, gives the same table (rows and
 * schema) as the single-node export of the same store: the whole pydicom corpus, with its malformed files (which both
 * log as failures) and its type conflicts between instances (which both settle with the same merge rule).
 */
class BeamDirectRunnerExportTest {
    static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path temp;

    @Test
    void theDirectRunnerWritesTheSameTableAsTheSingleNodeExport() throws IOException {
        Path store = copyOfCorpus(temp.resolve("store"));
        try (BeamFixture fixture = new BeamFixture(temp.resolve("data"))) {
            TableUri local = BeamFixture.table("single_node");
            TableUri beam = BeamFixture.table("direct_runner");
            Operation single = fixture.start(store.toString(), local, DestinationOptions.none());
            fixture.singleNode().run(single.name());
            Operation pipeline = fixture.start(store.toString(), beam, DestinationOptions.none());
            fixture.beam("direct", List.of("--tempLocation=" + temp.resolve("beam-temp"))).run(pipeline.name());

            Operation singleDone = fixture.operation(single);
            Operation beamDone = fixture.operation(pipeline);
            assertThat(beamDone.error()).as("the pipeline's operation error").isEmpty();
            assertThat(beamDone.done()).isTrue();
            assertThat(singleDone.counter().success()).isGreaterThan(100);
            assertThat(beamDone.counter()).isEqualTo(singleDone.counter());
            assertThat(fixture.schema(beam)).isEqualTo(fixture.schema(local));
            assertThat(fixture.rows(beam)).containsExactlyElementsOf(fixture.rows(local));
            assertThat(fixture.logLines(pipeline)).containsExactlyElementsOf(fixture.logLines(single));
            assertThat(fixture.warehouse.listTables(BeamFixture.PROJECT, BeamFixture.DATASET))
                    .as("the staging table is gone").containsExactlyInAnyOrder("single_node", "direct_runner");
        }
    }

    /**
     * The pipeline reads the filter file again when it runs (its workers get the text): a file that turned into bytes
     * that are not UTF-8 since the request was checked ends the operation INVALID_ARGUMENT naming the bad byte's line.
     */
    @Test
    void aFilterFileThatIsNoLongerUtf8WhenThePipelineRunsNamesTheLine() throws IOException {
        Path store = Files.createDirectories(temp.resolve("empty-store"));
        Path filter = Files.writeString(temp.resolve("filter.txt"), "/studies/1.2.3\n/studies/1.2.4\n");
        try (BeamFixture fixture = new BeamFixture(temp.resolve("data"))) {
            Operation started = fixture.start(new LocalDicomStoreSources(), store.toString(),
                    BeamFixture.table("filtered"), DestinationOptions.none(), Optional.of(filter.toString()));
            Files.write(filter, new byte[] {'/', 's', 't', 'u', 'd', 'i', 'e', 's', '/', '1', '\n', '/', 's', (byte) 0xff, '\n'});

            fixture.beam("direct", List.of("--tempLocation=" + temp.resolve("beam-temp"))).run(started.name());

            Operation done = fixture.operation(started);
            assertThat(done.done()).isTrue();
            assertThat(done.error()).hasValueSatisfying(error -> {
                assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
                assertThat(error.message()).contains("line 2").contains("not valid UTF-8");
            });
        }
    }

    static Path copyOfCorpus(Path target) throws IOException {
        assertThat(CORPUS).as("pydicom corpus (install python3-pydicom: scripts/install-test-deps)").isDirectory();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(CORPUS.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
