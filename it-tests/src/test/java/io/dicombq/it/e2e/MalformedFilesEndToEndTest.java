package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** specification 5: files that cannot be read are counted and logged one JSON line each, and the export goes on. */
class MalformedFilesEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void malformedFilesAreCountedAndLoggedAndEveryGoodInstanceHasARow() throws IOException {
        Path store = Corpus.folderOf(temp.resolve("store"), "CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "waveform_ecg.dcm");
        byte[] ct = Files.readAllBytes(Corpus.file("CT_small.dcm"));
        Path truncated = Files.write(store.resolve("truncated.dcm"), Arrays.copyOf(ct, 900));
        Path notDicom = Files.writeString(store.resolve("notes.txt"), "these are not the instances you are looking for\n");
        Cli cli = new Cli(temp.resolve("data"));
        cli.ok("datasets", "create", "my-project.exports");

        JsonNode operation = cli.export(store.toString(), "--bq-table=bq://my-project.exports.mixed");

        assertThat(operation.has("response")).as(operation.toString()).isTrue();
        JsonNode counter = operation.get("metadata").get("counter");
        assertThat(counter.get("success").asText()).isEqualTo("4");
        assertThat(counter.get("failure").asText()).isEqualTo("2");
        assertThat(counter.has("pending")).isFalse();
        assertThat(cli.rows("my-project.exports.mixed")).isEqualTo(4);

        Path log = Path.of(URI.create(operation.get("metadata").get("logsUrl").asText()));
        List<JsonNode> lines = Files.readAllLines(log).stream().map(Cli::parse).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(line -> line.get("resourceName").asText())
                .containsExactlyInAnyOrder(truncated.toString(), notDicom.toString());
        for (JsonNode line : lines) {
            assertThat(line.get("error").get("code").isInt()).isTrue();
            assertThat(line.get("error").get("message").asText()).isNotBlank();
            assertThat(line.fieldNames()).toIterable().containsExactly("resourceName", "error");
        }
    }
}
