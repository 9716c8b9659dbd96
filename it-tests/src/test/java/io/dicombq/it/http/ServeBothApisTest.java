package io.dicombq.it.http;

import io.dicombq.adapter.in.cli.DicombqCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One {@code dicombq serve} process: the Healthcare API, the console, and the BigQuery API on a second port. */
class ServeBothApisTest {
    private static final String EMULATOR = "BigQuery emulator listening on ";

    @TempDir
    Path temp;

    @Test
    void bigqueryEmulatorPortServesTheSameWarehouseBesideTheHealthcareApi() {
        Path data = temp.resolve("data");
        new InProcessDicombq(data).ok("datasets", "create", "both-project.imaging");
        try (ServeProcess server = ServeProcess.start(data, temp, "--bigquery-emulator-port", "0")) {
            String line = server.banner().stream().filter(l -> l.startsWith(EMULATOR)).findFirst().orElseThrow(
                    () -> new AssertionError("no emulator line in " + server.banner()));
            URI emulator = URI.create(line.substring(EMULATOR.length(), line.indexOf(' ', EMULATOR.length())));
            assertThat(emulator.getHost()).isEqualTo("127.0.0.1");
            assertThat(emulator.getPort()).isNotEqualTo(server.uri().getPort());

            Http.Reply direct = new Http(emulator, Optional.empty()).get("/bigquery/v2/projects/both-project/datasets");
            assertThat(direct.status()).as(direct.body()).isEqualTo(200);
            assertThat(direct.json().at("/datasets/0/datasetReference/datasetId").asText()).isEqualTo("imaging");

            Http local = new Http(server.uri(), Optional.empty());
            Http.Reply mounted = local.get("/bigquery/v2/projects");
            assertThat(mounted.status()).as(mounted.body()).isEqualTo(200);
            assertThat(mounted.json().at("/projects/0/projectReference/projectId").asText()).isEqualTo("both-project");
            assertThat(local.get("/console/").status()).isEqualTo(200);
            assertThat(server.banner()).anySatisfy(l -> assertThat(l).startsWith("Web console: " + server.uri() + "/console/"));
        }
    }

    @Test
    void theUnauthenticatedPortIsRefusedWithAnAccessFile() throws IOException {
        Path accessFile = Files.writeString(temp.resolve("access.json"), "{\"principals\": []}");
        StringWriter out = new StringWriter();
        int exit = DicombqCommand.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute("--data-dir=" + temp.resolve("data"), "serve", "--port", "0", "--access-file", accessFile.toString(),
                        "--bigquery-emulator-port", "0");
        assertThat(exit).isNotZero();
        assertThat(out.toString()).contains("INVALID_ARGUMENT", "--bigquery-emulator-port serves the warehouse without"
                + " authentication, which --access-file forbids");
    }
}
