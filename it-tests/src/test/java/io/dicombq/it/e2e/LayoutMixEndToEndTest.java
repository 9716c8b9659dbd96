package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An append of one layout (--schema=json or flattened) into a table written in the other is refused with
 * FAILED_PRECONDITION naming both layouts, exit code 1, and the table keeps its rows and columns.
 */
class LayoutMixEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void appendingTheOtherLayoutIsRefusedNamingBoth() throws Exception {
        Path store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm", "MR_small.dcm");
        Cli cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "mix-project.exports");
        cli.ok("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://mix-project.exports.flat");
        cli.ok("dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://mix-project.exports.json", "--schema=json");
        String flatSchema = cli.ok("tables", "describe", "mix-project.exports.flat", "--format=json");

        for (String[] mix : new String[][] {{"flat", "json", "flattened"}, {"json", "flattened", "json"}}) {
            Cli.Result refused = cli.run("dicom-stores", "export", "bq", store.toString(),
                    "--bq-table=bq://mix-project.exports." + mix[0], "--schema=" + mix[1], "--write-disposition=write-append");
            assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
            assertThat(refused.err()).contains("FAILED_PRECONDITION").contains("the " + mix[2] + " layout")
                    .contains("the " + mix[1] + " layout");
            JsonNode table = cli.json("tables", "describe", "mix-project.exports." + mix[0], "--format=json");
            assertThat(table.get("numRows").asText()).isEqualTo("2");
        }
        assertThat(cli.ok("tables", "describe", "mix-project.exports.flat", "--format=json")).isEqualTo(flatSchema);
    }
}
