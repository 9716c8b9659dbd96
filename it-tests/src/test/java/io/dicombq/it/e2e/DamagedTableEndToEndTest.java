package io.dicombq.it.e2e;

import io.dicombq.adapter.out.h2.PageDamage;
import io.dicombq.domain.destination.TableUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table the warehouse file cannot give back whole (one of its pages damaged, as by a bad disk block): reading it
 * fails DATA_LOSS in one line that says what to do, the other tables stay readable, `tables check` names it, and
 * `tables delete` then a new export restore a whole warehouse.
 */
class DamagedTableEndToEndTest {
    @Test
    void aDamagedTableIsNamedTheOthersStayReadableAndItCanBeWrittenAgain(@TempDir Path temp) throws Exception {
        Cli cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.d");
        // The pydicom corpus: enough wide rows for the table to span many pages.
        String corpus = Corpus.file("CT_small.dcm").getParent().toString();
        cli.export(corpus, "--bq-table=bq://my-project.d.t");
        cli.export(Corpus.folderOf(temp.resolve("two"), "CT_small.dcm", "MR_small.dcm").toString(),
                "--bq-table=bq://my-project.d.u");
        long rows = cli.rows("my-project.d.t");
        PageDamage.firstLeafOf(cli.dataDir(), new TableUri("my-project", "d", "t"));

        Cli.Result query = cli.run("query", "SELECT SOPInstanceUID FROM `my-project.d.t`");
        assertThat(query.exit()).isNotZero();
        assertThat(query.err().strip()).doesNotContain("\n").startsWith("ERROR: DATA_LOSS")
                .contains("damaged").contains("dicombq tables check");
        assertThat(cli.json("query", "SELECT COUNT(DISTINCT SOPInstanceUID) AS n FROM `my-project.d.u`")
                .get(0).get("n").asText()).isEqualTo("2");

        Cli.Result check = cli.run("tables", "check");
        assertThat(check.exit()).isNotZero();
        assertThat(check.out()).contains("DAMAGED  my-project.d.t  the warehouse file is damaged")
                .contains("OK       my-project.d.u  2 rows").contains("2 table(s) read, 1 damaged");
        assertThat(check.err()).startsWith("ERROR: DATA_LOSS").contains("my-project.d.t").contains("tables delete");
        assertThat(cli.json("tables", "check", "my-project.d.u", "--format=json").toString())
                .isEqualTo("[{\"table\":\"my-project.d.u\",\"status\":\"OK\",\"rows\":\"2\"}]");

        assertThat(cli.ok("tables", "delete", "my-project.d.t")).isEqualTo("Deleted table [my-project.d.t].\n");
        assertThat(cli.run("tables", "delete", "my-project.d.t").err()).contains("NOT_FOUND").contains("my-project:d.t");
        assertThat(cli.ok("tables", "check", "my-project.d")).contains("1 table(s) read, 0 damaged");
        cli.export(corpus, "--bq-table=bq://my-project.d.t");
        assertThat(cli.rows("my-project.d.t")).isEqualTo(rows);
        assertThat(cli.ok("tables", "check")).contains("2 table(s) read, 0 damaged");
    }
}
