package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.domain.operation.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/schema.md's rule for instances that disagree on a column (an INTEGER and a STRING make STRING, a RECORD and
 * text make the RECORD) must hold when the disagreeing instances land in different staged batches: rows staged
 * before the conflict was seen no longer fit the merged schema. Batches of one instance make that certain, with two
 * files written by pydicom whose two unknown tags disagree in both directions, so whichever file is read first, a
 * later batch changes a column the first batch used.
 */
class SchemaConflictEndToEndTest {
    private static final String GENERATOR = String.join("\n",
            "import sys",
            "from pydicom.dataset import Dataset, FileMetaDataset",
            "from pydicom.uid import ExplicitVRLittleEndian",
            "from pydicom.datadict import dictionary_has_tag",
            "X, Y = 0x00180FF0, 0x00180FF2",
            "assert not dictionary_has_tag(X) and not dictionary_has_tag(Y)",
            "def write(path, uid, number):",
            "    ds = Dataset()",
            "    ds.SOPClassUID = '1.2.840.10008.5.1.4.1.1.7'",
            "    ds.SOPInstanceUID = '1.2.3.4.5.' + uid",
            "    ds.StudyInstanceUID = '1.2.3.4'",
            "    ds.SeriesInstanceUID = '1.2.3.4.5'",
            "    if number:",
            "        ds.add_new(X, 'US', 7)",
            "        item = Dataset()",
            "        item.CodeMeaning = 'inner'",
            "        ds.add_new(Y, 'SQ', [item])",
            "    else:",
            "        ds.add_new(X, 'LO', 'text')",
            "        ds.add_new(Y, 'LO', 'flat')",
            "    meta = FileMetaDataset()",
            "    meta.MediaStorageSOPClassUID = ds.SOPClassUID",
            "    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID",
            "    meta.TransferSyntaxUID = ExplicitVRLittleEndian",
            "    ds.file_meta = meta",
            "    ds.is_little_endian = True",
            "    ds.is_implicit_VR = False",
            "    ds.save_as(path, write_like_original=False)",
            "write(sys.argv[1] + '/number-and-sequence.dcm', '1', True)",
            "write(sys.argv[1] + '/text-and-text.dcm', '2', False)");

    @TempDir
    Path temp;

    @Test
    void instancesThatDisagreeInDifferentBatchesFollowTheMergeRule() throws Exception {
        Path store = Files.createDirectories(temp.resolve("store"));
        generate(store);
        Path dataDir = temp.resolve("data");
        Cli cli = new Cli(dataDir);
        cli.ok("datasets", "create", "my-project.exports");

        Operation started;
        try (ExportServices services = new ExportServices(dataDir)) {
            started = services.start(store.toString(), "bq://my-project.exports.conflict");
            // one instance per batch and one worker: the second file's batch always meets the first file's staged row
            services.runner(new LocalDicomStoreSources(), 1, 1).run(started.name());
        }

        JsonNode operation = cli.json("operations", "describe", started.name().toString(), "--format=json");
        assertThat(operation.has("response")).as(operation.toString()).isTrue();
        assertThat(operation.get("metadata").get("counter").get("success").asText()).isEqualTo("2");

        JsonNode fields = cli.json("tables", "describe", "my-project.exports.conflict", "--format=json")
                .get("schema").get("fields");
        assertThat(field(fields, "Tag_00180FF0").get("type").asText()).isEqualTo("STRING");
        assertThat(field(fields, "Tag_00180FF0").get("mode").asText()).isEqualTo("REPEATED");
        assertThat(field(fields, "Tag_00180FF2").get("type").asText()).isEqualTo("RECORD");

        String table = " FROM `my-project.exports.conflict`";
        assertThat(pairs(cli.json("query", "SELECT SOPInstanceUID AS uid, v" + table + ", UNNEST(Tag_00180FF0) AS v ORDER BY uid")))
                .containsExactly("1.2.3.4.5.1=7", "1.2.3.4.5.2=text");
        assertThat(pairs(cli.json("query", "SELECT SOPInstanceUID AS uid, ARRAY_LENGTH(Tag_00180FF2) AS v" + table + " ORDER BY uid")))
                .containsExactly("1.2.3.4.5.1=1", "1.2.3.4.5.2=0");
        assertThat(pairs(cli.json("query", "SELECT SOPInstanceUID AS uid, d.TagName AS v" + table + ", UNNEST(DroppedTags) AS d ORDER BY uid")))
                .containsExactly("1.2.3.4.5.1=FileMetaInformationVersion", "1.2.3.4.5.2=FileMetaInformationVersion",
                        "1.2.3.4.5.2=Tag_00180FF2");
    }

    private static java.util.List<String> pairs(JsonNode rows) {
        java.util.List<String> pairs = new java.util.ArrayList<>();
        rows.forEach(row -> pairs.add(row.get("uid").asText() + "=" + row.get("v").asText()));
        return pairs;
    }

    private static JsonNode field(JsonNode fields, String name) {
        for (JsonNode field : fields) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no column " + name + " in " + fields);
    }

    private static void generate(Path folder) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", GENERATOR, folder.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as("pydicom generator (install python3-pydicom): " + output).isZero();
    }
}
