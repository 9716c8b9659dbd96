package io.dicombq.it.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** specification 1.1 through the CLI: bad requests fail at once with one line, exit 1, and create no operation. */
class ValidationEndToEndTest {
    @TempDir
    Path temp;
    private Cli cli;
    private Path store;

    @BeforeEach
    void dataset() {
        cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.exports");
        store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm");
    }

    @Test
    void aMissingDestinationDatasetIsNotFound() {
        assertRefused(cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://my-project.missing.t"),
                "NOT_FOUND", "Dataset my-project:missing");
    }

    @Test
    void anUnknownStoreIsNotFound() {
        assertRefused(cli.run("dicom-stores", "export", "bq", "projects/my-project/locations/us/datasets/hc/dicomStores/nope",
                "--bq-table=bq://my-project.exports.t"), "NOT_FOUND", "dicomStores/nope not found");
        assertRefused(cli.run("dicom-stores", "export", "bq", "nope", "--project=my-project", "--bq-table=bq://my-project.exports.t"),
                "NOT_FOUND", "dicomStores/nope not found");
    }

    @Test
    void aMalformedTableUriNamesThePart() {
        assertRefused(cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://My_Project.exports.t"),
                "INVALID_ARGUMENT", "project");
        assertRefused(cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=my-project.exports.t"),
                "INVALID_ARGUMENT", "bq://");
    }

    @Test
    void aMalformedFilterFileNamesTheLine() throws IOException {
        Path filter = Files.writeString(temp.resolve("filter.txt"), "/studies/1.2.3\n/series/1.2.3\n");

        assertRefused(cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://my-project.exports.t",
                "--filter-config=" + filter), "INVALID_ARGUMENT", "line 2");
        assertRefused(cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://my-project.exports.t",
                "--filter-config=" + temp.resolve("absent.txt")), "INVALID_ARGUMENT", "absent.txt");
        assertRefused(cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://my-project.exports.t",
                "--filter-config-gcs-uri=gs://bucket/filter.txt"), "INVALID_ARGUMENT", "gs://bucket/filter.txt");
    }

    /** A byte that is not UTF-8 is refused on its own line, not on the first line of the block it was read in. */
    @Test
    void aFilterFileThatIsNotUtf8NamesTheLineOfTheBadByte() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            lines.append("/studies/1.2.").append(i).append('\n');
        }
        byte[] head = lines.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bad = "/studies/1.2\u00ff.3\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + bad.length);
        System.arraycopy(bad, 0, bytes, head.length, bad.length);
        Path filter = Files.write(temp.resolve("latin1.txt"), bytes);

        assertRefused(cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://my-project.exports.t",
                "--filter-config=" + filter), "INVALID_ARGUMENT", "line 401: the file is not valid UTF-8 text");
    }

    @Test
    void anUnknownWriteDispositionIsRefused() {
        assertRefused(cli.run("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://my-project.exports.t",
                "--write-disposition=write-sometimes"), "INVALID_ARGUMENT", "write-sometimes");
    }

    @Test
    void usageErrorsExitWithTwoAndSayHowToGetHelp() {
        Cli.Result missing = cli.run("dicom-stores", "export", "bq", store.toString());

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--bq-table").contains("dicombq dicom-stores export bq --help");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"dicom-stores", "create"}, {"dicom-stores", "list"}, {"dicom-stores", "describe"},
                {"dicom-stores", "delete"}, {"dicom-stores", "export", "bq"}, {"operations", "describe"}, {"operations", "list"},
                {"operations", "cancel"}, {"datasets", "create"}, {"datasets", "list"}, {"datasets", "add-iam-policy-binding"},
                {"tables", "list"}, {"tables", "describe"}, {"query"}, {"demo"}}) {
            String[] withHelp = java.util.Arrays.copyOf(command, command.length + 1);
            withHelp[command.length] = "--help";
            assertThat(cli.ok(withHelp)).as(String.join(" ", command)).contains("Usage: dicombq " + String.join(" ", command));
        }
    }

    private void assertRefused(Cli.Result result, String code, String detail) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("ERROR: " + code + ": ").contains(detail);
        assertThat(result.err().strip()).doesNotContain("\n");
        assertThat(cli.ok("operations", "list", "--project=my-project", "--format=json")).contains("\"operations\" : [ ]");
    }
}
