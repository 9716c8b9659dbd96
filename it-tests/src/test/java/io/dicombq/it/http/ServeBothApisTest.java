package io.dicombq.it.http;

import io.dicombq.adapter.in.cli.DicombqCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

            // the unauthenticated port keeps pages of other sites away as the server does (issue 17, item 8)
            String drop = "{\"configuration\": {\"query\": {\"query\": \"DROP SCHEMA imaging CASCADE\"}}}";
            String crossSite = raw(emulator, "POST /bigquery/v2/projects/both-project/jobs HTTP/1.1\r\nHost: 127.0.0.1:"
                    + emulator.getPort() + "\r\nOrigin: http://attacker.example\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + drop.length() + "\r\nConnection: close\r\n\r\n" + drop);
            assertThat(crossSite).startsWith("HTTP/1.1 403").contains("Cross-origin request refused")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff").contains("frame-ancestors 'none'");
            String rebound = raw(emulator, "GET /bigquery/v2/projects/both-project/datasets HTTP/1.1\r\nHost: attacker.example:"
                    + emulator.getPort() + "\r\nConnection: close\r\n\r\n");
            assertThat(rebound).startsWith("HTTP/1.1 403").contains("is not a loopback name");
            Http.Reply still = new Http(emulator, Optional.empty()).get("/bigquery/v2/projects/both-project/datasets");
            assertThat(still.json().at("/datasets/0/datasetReference/datasetId").asText()).isEqualTo("imaging");
            assertThat(still.response().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    /** A raw HTTP/1.1 exchange (java.net.http will not forge a Host), the whole answer as text. */
    private static String raw(URI server, String request) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
