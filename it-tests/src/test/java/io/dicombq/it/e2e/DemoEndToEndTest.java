package io.dicombq.it.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dicombq demo}, the README's first command: it does the main job, says what it did, and can run again. */
class DemoEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void theDemoExportsTheCorpusRunsTheSampleQueriesAndCanRunAgain() throws Exception {
        Cli cli = new Cli(temp.resolve("data"));

        String first = cli.ok("demo");
        String second = cli.ok("demo");

        assertThat(first).contains("$ dicombq dicom-stores export bq demo-store", "Export finished: ", "# 1. DICOMweb paths",
                "\"DICOMwebPath\": \"/dicomWeb/studies/", "# 2. The latest studies", "\"InstanceCount\"",
                "# 3. Legacy SQL paths", "--write-disposition=write-append", "Done.");
        assertThat(second).contains("removed the tables of an earlier demo run", "Done.");
        assertThat(cli.tableExists("dicombq-demo.dicom_demo", "instances")).isTrue();
        List<String> filter = Files.readAllLines(temp.resolve("data").resolve("demo-filter.txt"));
        assertThat(filter).isNotEmpty().allMatch(line -> line.matches("/studies/[0-9.]+/series/[0-9.]+/instances/[0-9.]+"));
        assertThat(cli.rows("dicombq-demo.dicom_demo.selected")).isEqualTo(filter.size());
    }

    @Test
    void withoutTheCorpusTheDemoExportsGeneratedInstances() {
        Cli cli = new Cli(temp.resolve("data"));
        Path generated = temp.resolve("generated");
        io.dicombq.adapter.in.cli.demo.SyntheticStudies.write(generated, 120);

        String output = cli.ok("demo", "--source=" + generated);

        assertThat(output).contains("Export finished: 120 instances exported, 0 failed");
        assertThat(cli.rows("dicombq-demo.dicom_demo.instances")).isEqualTo(120);
        // All 120 generated instances belong to the first patient, the one the demo's queries pick.
        assertThat(cli.rows("dicombq-demo.dicom_demo.selected")).isEqualTo(120);
    }
}
