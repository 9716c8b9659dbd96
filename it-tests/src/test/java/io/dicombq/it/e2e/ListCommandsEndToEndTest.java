package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list commands: {@code --limit}, and an empty list that says what it listed, since right after a folder export
 * into another project the default dataset has no operation (it belongs to the destination's project).
 */
class ListCommandsEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void anEmptyOperationListNamesTheDatasetItListedAndWhereAFolderExportsOperationIs() {
        Cli cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "other-project.shared");
        Path folder = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm");
        cli.export(folder.toString(), "--bq-table=bq://other-project.shared.first");
        cli.export(folder.toString(), "--bq-table=bq://other-project.shared.second");

        Cli.Result defaultList = cli.run("operations", "list");
        assertThat(defaultList.exit()).isZero();
        assertThat(defaultList.err()).contains("Listed 0 items in projects/dicombq-local/locations/local/datasets/default.")
                .contains("--project=PROJECT");

        String listed = cli.ok("operations", "list", "--project=other-project");
        assertThat(listed.lines()).hasSize(3); // the header and two operations
        assertThat(cli.ok("operations", "list", "--project=other-project", "--limit=1").lines()).hasSize(2);
        assertThat(cli.json("operations", "list", "--project=other-project", "--limit=1", "--format=json")
                .get("operations")).hasSize(1);

        Cli.Result zero = cli.run("operations", "list", "--project=other-project", "--limit=0");
        assertThat(zero.exit()).isNotZero();
        assertThat(zero.err()).contains("--limit must be at least 1");
    }

    // gcloud's --format=json on the commands that change things: the resource they made, or the API's {} for a delete
    @Test
    void commandsThatChangeThingsAnswerInJsonToo() {
        Cli cli = new Cli(temp.resolve("data"));
        JsonNode dataset = cli.json("datasets", "create", "json-project.made", "--format=json");
        assertThat(dataset.at("/datasetReference/projectId").asText()).isEqualTo("json-project");
        assertThat(dataset.at("/datasetReference/datasetId").asText()).isEqualTo("made");
        assertThat(dataset.get("id").asText()).isEqualTo("json-project:made");

        JsonNode policy = cli.json("datasets", "add-iam-policy-binding", "json-project.made",
                "--member=serviceAccount:agent@example.iam.gserviceaccount.com", "--role=roles/bigquery.dataEditor",
                "--format=json");
        assertThat(policy.at("/bindings/0/members/0").asText()).isEqualTo("serviceAccount:agent@example.iam.gserviceaccount.com");
        assertThat(policy.at("/bindings/0/role").asText()).isEqualTo("roles/bigquery.dataEditor");

        Path folder = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm");
        JsonNode exported = cli.export(folder.toString(), "--bq-table=bq://json-project.made.t");
        String operation = exported.get("name").asText();
        JsonNode cancelled = cli.json("operations", "cancel", operation, "--format=json");
        assertThat(cancelled.get("name").asText()).isEqualTo(operation);
        assertThat(cancelled.get("done").asBoolean()).as("the export had ended: nothing to cancel").isTrue();

        assertThat(cli.json("tables", "delete", "json-project.made.t", "--format=json")).isEmpty();
        assertThat(cli.tableExists("json-project.made", "t")).isFalse();
        assertThat(cli.json("version", "--format=json").get("dicombq").asText()).isNotBlank();
    }

    @Test
    void dicomStoresAndDatasetsListsTakeALimitAndAnEmptyStoreListNamesItsDataset() {
        Cli cli = new Cli(temp.resolve("data"));
        Path folder = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm");
        for (String id : new String[] {"a", "b", "c"}) {
            cli.ok("dicom-stores", "create", id, "--source=" + folder);
        }
        assertThat(cli.json("dicom-stores", "list", "--limit=2", "--format=json")).hasSize(2);
        assertThat(cli.json("dicom-stores", "list", "--format=json")).hasSize(3);
        cli.ok("datasets", "create", "limit-project.one");
        cli.ok("datasets", "create", "limit-project.two");
        assertThat(cli.json("datasets", "list", "--project=limit-project", "--format=json")).hasSize(2);
        assertThat(cli.json("datasets", "list", "--project=limit-project", "--limit=1", "--format=json")).hasSize(1);
        Cli.Result empty = cli.run("dicom-stores", "list", "--dataset=nothing-here");
        assertThat(cli.json("dicom-stores", "delete", "c", "--format=json")).isEmpty();
        assertThat(cli.json("dicom-stores", "list", "--format=json")).hasSize(2);
        assertThat(empty.exit()).isZero();
        assertThat(empty.err()).contains("Listed 0 items in projects/dicombq-local/locations/local/datasets/nothing-here.");
    }
}
