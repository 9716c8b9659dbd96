package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * specification 1.2's schema decisions and the export options that shape the table, through the CLI: appending keeps
 * the table's columns and adds the export's, truncating replaces the schema; SourceDicomStore; the JSON layout.
 */
class TableSchemaEndToEndTest {
    @TempDir
    Path temp;
    private Cli cli;
    private Path ct;
    private Path ecg;

    @BeforeEach
    void stores() {
        cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.exports");
        ct = Corpus.folderOf(temp.resolve("ct"), "CT_small.dcm");
        ecg = Corpus.folderOf(temp.resolve("ecg"), "waveform_ecg.dcm");
    }

    @Test
    void appendKeepsExistingColumnsAndAddsNewOnesWhileTruncateReplacesTheSchema() {
        String table = "my-project.exports.t";
        cli.export(ct.toString(), "--bq-table=bq://" + table);
        List<String> ctColumns = columns(table);
        assertThat(ctColumns).contains("SliceThickness").doesNotContain("WaveformSequence");

        cli.export(ecg.toString(), "--bq-table=bq://" + table, "--write-disposition=write-append");
        List<String> appended = columns(table);

        assertThat(appended).containsSubsequence(ctColumns).contains("WaveformSequence");
        assertThat(cli.rows(table)).isEqualTo(2);

        cli.export(ecg.toString(), "--bq-table=bq://" + table, "--write-disposition=write-truncate");

        assertThat(columns(table)).contains("WaveformSequence").doesNotContain("SliceThickness");
        assertThat(cli.rows(table)).isEqualTo(1);
    }

    @Test
    void includeSourceStoreAddsTheStoresResourceName() {
        cli.ok("dicom-stores", "create", "ct", "--project=my-project", "--source=" + ct);
        cli.export("ct", "--project=my-project", "--bq-table=bq://my-project.exports.t", "--include-source-store");

        JsonNode rows = Cli.parse(cli.ok("query", "SELECT SourceDicomStore FROM `my-project.exports.t`"));

        assertThat(rows.get(0).get("SourceDicomStore").asText())
                .isEqualTo("projects/my-project/locations/local/datasets/default/dicomStores/ct");
    }

    @Test
    void theJsonLayoutHasTheFixedColumnsAndTheInstanceAsJson() {
        JsonNode operation = cli.export(ct.toString(), "--bq-table=bq://my-project.exports.j", "--schema=json");

        assertThat(operation.has("response")).as(operation.toString()).isTrue();
        assertThat(columns("my-project.exports.j")).contains("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID",
                "Metadata", "StructuredStorageSize", "DroppedTags", "StorageClass", "LastUpdated", "BlobStorageSize", "Type");
        Cli.Result invalid = cli.run("dicom-stores", "export", "bq", ct.toString(), "--bq-table=bq://my-project.exports.k",
                "--schema=xml");
        assertThat(invalid.err()).startsWith("ERROR: INVALID_ARGUMENT: Invalid value for --schema: 'xml'");
    }

    @Test
    void anExportOfNoInstanceStillCreatesTheColumnsEveryTableHas() throws java.io.IOException {
        Path nothing = java.nio.file.Files.writeString(temp.resolve("nothing.txt"), "/studies/1.2.3.4\n");

        cli.export(ct.toString(), "--bq-table=bq://my-project.exports.empty", "--filter-config=" + nothing,
                "--include-source-store");
        cli.export(ct.toString(), "--bq-table=bq://my-project.exports.emptyjson", "--filter-config=" + nothing,
                "--schema=json");

        assertThat(cli.rows("my-project.exports.empty")).isZero();
        // specification 3.6: DroppedTags and the operational columns are always in the schema, SourceDicomStore when asked
        assertThat(columns("my-project.exports.empty")).containsExactly("DroppedTags", "Type", "LastUpdated", "StorageClass",
                "BlobStorageSize", "SourceDicomStore");
        // specification 3.9: the JSON layout's columns do not depend on the instances
        assertThat(columns("my-project.exports.emptyjson")).containsExactlyInAnyOrder("StudyInstanceUID",
                "SeriesInstanceUID", "SOPInstanceUID", "Metadata", "StructuredStorageSize", "DroppedTags", "StorageClass",
                "LastUpdated", "BlobStorageSize", "Type");
    }

    private List<String> columns(String table) {
        List<String> names = new ArrayList<>();
        cli.json("tables", "describe", table, "--format=json").get("schema").get("fields")
                .forEach(field -> names.add(field.get("name").asText()));
        return names;
    }
}
