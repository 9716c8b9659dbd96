package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * specification 3.5: a private binary element goes to OtherElements as base64, also when it is longer than the 1 KiB
 * the reader treats as bulk data elsewhere. CT_small's GE private (0043,1029) is an OB of 2068 bytes; its base64 must
 * equal pydicom's bytes for it, and it must not be in DroppedTags.
 */
class PrivateElementsEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void aPrivateBinaryValueAboveOneKibibyteIsExportedAsBase64() throws Exception {
        Path store = Corpus.folderOf(temp.resolve("ct"), "CT_small.dcm");
        Cli cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.exports");
        cli.export(store.toString(), "--bq-table=bq://my-project.exports.ct");

        JsonNode data = cli.json("query", "SELECT d FROM `my-project.exports.ct`, UNNEST(OtherElements) AS o,"
                + " UNNEST(o.Data) AS d WHERE o.Tag = 'Tag_00431029'");
        JsonNode dropped = cli.json("query", "SELECT e.TagName AS d FROM `my-project.exports.ct`, UNNEST(DroppedTags) AS e");

        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("d").asText()).isEqualTo(pydicomBase64("CT_small.dcm", "0x00431029"));
        assertThat(dropped.findValuesAsText("d")).doesNotContain("Tag_00431029");
    }

    private static String pydicomBase64(String file, String tag) throws Exception {
        String script = "import sys, base64, pydicom\n"
                + "ds = pydicom.dcmread(sys.argv[1], stop_before_pixels=True)\n"
                + "print(base64.b64encode(ds[int(sys.argv[2], 16)].value).decode())\n";
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, Corpus.file(file).toString(), tag).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.waitFor()).as("pydicom (install python3-pydicom)").isZero();
        return out;
    }
}
