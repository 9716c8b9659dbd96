package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code operations describe --format=json} prints exactly the fields of specification 2, typed as proto3 JSON. */
class OperationJsonEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void aSucceededExportHasExactlyTheOperationFields() {
        Cli cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.exports");
        Path store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm", "MR_small.dcm");
        String name = cli.export(store.toString(), "--bq-table=bq://my-project.exports.t", "--project=my-project",
                "--location=us-central1", "--dataset=hc").get("name").asText();

        JsonNode operation = cli.json("operations", "describe", name, "--format=json");

        assertThat(name).matches("projects/my-project/locations/us-central1/datasets/hc/operations/[0-9]{19}");
        assertThat(fields(operation)).containsExactly("name", "metadata", "done", "response");
        assertThat(operation.get("done").asBoolean()).isTrue();
        assertThat(operation.get("response").get("@type").asText())
                .isEqualTo("type.googleapis.com/google.protobuf.Empty");
        JsonNode metadata = operation.get("metadata");
        assertThat(fields(metadata)).containsExactly("@type", "apiMethodName", "createTime", "endTime", "logsUrl", "counter");
        assertThat(metadata.get("@type").asText()).isEqualTo("type.googleapis.com/google.cloud.healthcare.v1.OperationMetadata");
        assertThat(metadata.get("apiMethodName").asText()).isEqualTo("google.cloud.healthcare.v1.dicom.DicomService.ExportDicomData_bq");
        Instant created = Instant.parse(metadata.get("createTime").asText());
        Instant ended = Instant.parse(metadata.get("endTime").asText());
        assertThat(metadata.get("createTime").asText()).endsWith("Z");
        assertThat(ended).isAfterOrEqualTo(created);
        assertThat(metadata.get("logsUrl").asText()).startsWith("file:///").endsWith(".jsonl");
        assertThat(fields(metadata.get("counter"))).containsExactly("success");
        assertThat(metadata.get("counter").get("success").isTextual()).isTrue();
        assertThat(metadata.get("counter").get("success").asText()).isEqualTo("2");
    }

    @Test
    void aFailedExportHasTheErrorInsteadOfTheResponse() {
        Cli cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.exports");
        Path store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm");
        cli.export(store.toString(), "--bq-table=bq://my-project.exports.t");
        String name = cli.export(store.toString(), "--bq-table=bq://my-project.exports.t").get("name").asText();

        JsonNode operation = cli.json("operations", "describe", name, "--format=json");

        assertThat(fields(operation)).containsExactly("name", "metadata", "done", "error");
        assertThat(fields(operation.get("error"))).containsExactly("code", "message");
        assertThat(operation.get("error").get("code").asInt()).isEqualTo(6);
        assertThat(operation.get("error").get("message").asText()).contains("bq://my-project.exports.t already exists");
        assertThat(fields(operation.get("metadata"))).doesNotContain("counter");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
