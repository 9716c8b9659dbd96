package io.dicombq.it.beam;

import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.adapter.out.dicom.testing.OrthancServer;
import io.dicombq.adapter.out.dicom.testing.PydicomCorpus;
import io.dicombq.adapter.out.dicom.web.DicomWebEndpoint;
import io.dicombq.adapter.out.dicom.web.DicomWebStore;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.operation.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DICOMweb store (a real Orthanc holding the pydicom corpus) as the pipeline's source, with a filter file naming a
 * whole study, one series of another and one instance of a third (specification 4): the direct runner and Flink's
 * embedded cluster write the same table, counters and log as the single-node export with the same filter. The store's
 * listing is split into its studies, which the workers list apart; only LastUpdated differs between runs, as a
 * DICOMweb instance's LastUpdated is when the export read it.
 */
class BeamDicomWebExportTest {
    private static final String READ_TIME = "LastUpdated";

    @TempDir
    static Path temp;
    private static OrthancServer orthanc;
    private static BeamFixture fixture;
    private static String source;
    private static Optional<String> filter;
    private static final TableUri SINGLE_NODE = BeamFixture.table("single_node");
    private static Operation single;

    @BeforeAll
    static void uploadExportLocallyAndSplit() throws IOException {
        orthanc = OrthancServer.start();
        PydicomCorpus.allFiles().forEach(orthanc::upload);
        source = orthanc.dicomWebRoot().toString();
        DicomWebStore store = DicomWebStore.connect(DicomWebEndpoint.parse(source));
        List<String> studies;
        try (Stream<String> parts = store.listingParts(InstanceSelector.all())) {
            studies = parts.toList();
        }
        assertThat(studies).as("the listing splits into studies").hasSizeGreaterThan(10);
        filter = Optional.of(filterFile(store, studies).toString());
        fixture = new BeamFixture(temp.resolve("data"));
        single = fixture.start(new LocalDicomStoreSources(), source, SINGLE_NODE, DestinationOptions.none(), filter);
        fixture.singleNode().run(single.name());
        assertThat(fixture.operation(single).error()).isEmpty();
    }

    /** A whole study, one series of another study and one instance of a third. */
    private static Path filterFile(DicomWebStore store, List<String> studies) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("/studies/" + studies.get(0));
        lines.add(seriesPath(first(store, studies.get(1))));
        lines.add(first(store, studies.get(2)).substring(source.length()));
        Path file = temp.resolve("filter.txt");
        Files.write(file, lines);
        return file;
    }

    private static String first(DicomWebStore store, String study) {
        try (Stream<InstanceHandle> instances = store.instances(study, InstanceSelector.all())) {
            return instances.findFirst().orElseThrow().resourceName();
        }
    }

    private static String seriesPath(String instance) {
        String path = instance.substring(source.length());
        return path.substring(0, path.indexOf("/instances/"));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void theDirectRunnerExportsTheFilteredStoreAsTheSingleNodeExportDoes() {
        sameAsSingleNode("direct", List.of("--tempLocation=" + temp.resolve("direct-temp")));
    }

    @Test
    @Tag("slow")
    void flinkExportsTheFilteredStoreAsTheSingleNodeExportDoes() {
        sameAsSingleNode("flink", List.of("--flinkMaster=[local]", "--parallelism=2",
                "--tempLocation=" + temp.resolve("flink-temp")));
    }

    private void sameAsSingleNode(String runner, List<String> arguments) {
        TableUri beam = BeamFixture.table(runner);
        Operation pipeline = fixture.start(new LocalDicomStoreSources(), source, beam, DestinationOptions.none(), filter);
        fixture.beam(runner, arguments).run(pipeline.name());

        Operation singleDone = fixture.operation(single);
        Operation beamDone = fixture.operation(pipeline);
        assertThat(beamDone.error()).as("the pipeline's operation error").isEmpty();
        assertThat(singleDone.counter().success()).as("the filter selects more than one study's worth").isGreaterThan(2);
        assertThat(beamDone.counter()).isEqualTo(singleDone.counter());
        assertThat(fixture.logLines(pipeline)).containsExactlyElementsOf(fixture.logLines(single));
        assertThat(fixture.schema(beam)).isEqualTo(fixture.schema(SINGLE_NODE));
        assertThat(fixture.rowsWithout(beam, READ_TIME)).containsExactlyElementsOf(fixture.rowsWithout(SINGLE_NODE, READ_TIME));
    }
}
