package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Registered stores, and specification 1.3: exporting into another project needs that project's grant. */
class StoresAndAccessEndToEndTest {
    private static final String HC = "--location=us-central1";

    @TempDir
    Path temp;

    @Test
    void storesCanBeCreatedListedDescribedAndDeleted() {
        Cli cli = new Cli(temp.resolve("data"));
        Path folder = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm");

        cli.ok("dicom-stores", "create", "ct", "--project=my-project", HC, "--dataset=hc", "--source=" + folder);
        Cli.Result duplicate = cli.run("dicom-stores", "create", "ct", "--project=my-project", HC, "--dataset=hc", "--source=" + folder);
        JsonNode listed = cli.json("dicom-stores", "list", "--project=my-project", HC, "--dataset=hc", "--format=json");
        JsonNode described = cli.json("dicom-stores", "describe", "projects/my-project/locations/us-central1/datasets/hc/dicomStores/ct",
                "--format=json");
        cli.ok("dicom-stores", "delete", "ct", "--project=my-project", HC, "--dataset=hc");
        Cli.Result gone = cli.run("dicom-stores", "describe", "ct", "--project=my-project", HC, "--dataset=hc");

        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).startsWith("ERROR: ALREADY_EXISTS: ");
        assertThat(listed).hasSize(1);
        assertThat(described.get("name").asText()).isEqualTo("projects/my-project/locations/us-central1/datasets/hc/dicomStores/ct");
        assertThat(described.get("source").asText()).isEqualTo(folder.toAbsolutePath().toString());
        assertThat(gone.err()).startsWith("ERROR: NOT_FOUND: ");
        Cli.Result badSource = cli.run("dicom-stores", "create", "x", "--project=my-project", "--source=" + temp.resolve("nowhere"));
        assertThat(badSource.err()).startsWith("ERROR: NOT_FOUND: ").contains("nowhere");
        Cli.Result badId = cli.run("dicom-stores", "create", "bad id", "--project=my-project", "--source=" + folder);
        assertThat(badId.err()).startsWith("ERROR: INVALID_ARGUMENT: ").contains("DICOM store ID 'bad id'");
    }

    @Test
    void anotherProjectsDatasetNeedsTheGrantOfTheStoreProjectsServiceAgent() {
        Cli cli = new Cli(temp.resolve("data"));
        Path folder = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm", "MR_small.dcm");
        cli.ok("datasets", "create", "warehouse-project.shared");
        cli.ok("dicom-stores", "create", "ct", "--project=imaging-project", HC, "--dataset=hc", "--source=" + folder);
        String[] export = {"ct", "--project=imaging-project", HC, "--dataset=hc", "--bq-table=bq://warehouse-project.shared.ct"};

        JsonNode denied = cli.export(export);

        assertThat(denied.get("error").get("code").asInt()).isEqualTo(7);
        assertThat(denied.get("error").get("message").asText())
                .contains("service-imaging-project@gcp-sa-healthcare.dicombq.iam.gserviceaccount.com")
                .contains("dicombq datasets add-iam-policy-binding warehouse-project.shared");
        assertThat(cli.tableExists("warehouse-project.shared", "ct")).isFalse();

        String binding = cli.ok("datasets", "add-iam-policy-binding", "warehouse-project.shared",
                "--member=serviceAccount:service-imaging-project@gcp-sa-healthcare.dicombq.iam.gserviceaccount.com",
                "--role=roles/bigquery.dataEditor");
        JsonNode granted = cli.export(export);

        assertThat(binding).contains("roles/bigquery.dataEditor");
        assertThat(granted.has("response")).as(granted.toString()).isTrue();
        assertThat(cli.rows("warehouse-project.shared.ct")).isEqualTo(2);
    }

    @Test
    void aViewerGrantDoesNotLetTheStoreWrite() {
        Cli cli = new Cli(temp.resolve("data"));
        Path folder = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm");
        cli.ok("datasets", "create", "warehouse-project.shared");
        cli.ok("datasets", "add-iam-policy-binding", "warehouse-project.shared",
                "--member=serviceAccount:service-imaging-project@gcp-sa-healthcare.dicombq.iam.gserviceaccount.com",
                "--role=roles/bigquery.dataViewer");

        JsonNode denied = cli.export(folder.toString(), "--project=imaging-project", "--bq-table=bq://warehouse-project.shared.ct");

        assertThat(denied.get("error").get("code").asInt()).isEqualTo(7);
        Cli.Result unknownRole = cli.run("datasets", "add-iam-policy-binding", "warehouse-project.shared",
                "--member=serviceAccount:a@b.c", "--role=roles/owner");
        assertThat(unknownRole.err()).startsWith("ERROR: INVALID_ARGUMENT: Role 'roles/owner'");
    }
}
