package io.dicombq.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.in.http.access.AccessControl;
import io.dicombq.adapter.out.dicom.testing.PydicomCorpus;
import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers racing for one table: 100 WRITE_APPEND exports through the HTTP API of a real {@code dicombq serve}, and
 * at the same time 5 through separate {@code dicombq} CLI processes on the same data directory (they share the
 * warehouse through the server's AUTO_SERVER). Each either succeeds or is refused with a code that says to retry
 * (ABORTED, UNAVAILABLE); the table ends with exactly the rows of the successes; and each CLI's exit code agrees
 * with the operation it reports.
 */
@Tag("slow")
class ConcurrentAppendsTest {
    private static final String TOKEN = "writer-token-5e1d";
    private static final String DATASET = "/v1/projects/cc-project/locations/us-central1/datasets/hc";
    private static final String TABLE = "cc-project.imaging.appends";
    private static final List<String> FILES = List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm");
    private static final int HTTP_APPENDS = 100;
    private static final int CLI_APPENDS = 5;
    private static final Set<Integer> RETRYABLE = Set.of(Code.ABORTED.number(), Code.UNAVAILABLE.number());

    @TempDir
    Path temp;

    @Test
    void everyAppendSucceedsOrIsRefusedRetryablyAndTheTableHoldsTheSuccesses() throws Exception {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path store = Files.createDirectories(root.resolve("store"));
        for (String name : FILES) {
            Files.copy(PydicomCorpus.file(name), store.resolve(name));
        }
        Path data = temp.resolve("data");
        new InProcessDicombq(data).ok("datasets", "create", "cc-project.imaging");
        Path accessFile = Files.writeString(temp.resolve("access.json"), """
                {"principals": [{"name": "writer@cc-project", "tokenSha256": "%s",
                   "bindings": [{"role": "roles/healthcare.dicomStoreAdmin", "resource": "projects/cc-project"}]}],
                 "folderRoots": ["%s"]}
                """.formatted(AccessControl.sha256Hex(TOKEN), root));

        try (ServeProcess server = ServeProcess.start(data, temp, "--access-file", accessFile.toString())) {
            Http http = new Http(server.uri(), Optional.of(TOKEN));
            Http.Reply created = http.post(DATASET + "/dicomStores?dicomStoreId=s", "{\"source\": \"" + store + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            String body = "{\"bigqueryDestination\": {\"tableUri\": \"bq://" + TABLE + "\", \"writeDisposition\": \"WRITE_APPEND\"}}";

            List<Process> clis = new ArrayList<>();
            try {
                race(http, body, data, store, clis);
            } finally {
                clis.forEach(Process::destroyForcibly);
            }
        }
    }

    private void race(Http http, String body, Path data, Path store, List<Process> clis) throws Exception {
        {
            for (int i = 0; i < CLI_APPENDS; i++) {
                clis.add(cli(data, store, i));
            }
            ExecutorService callers = Executors.newFixedThreadPool(20);
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < HTTP_APPENDS; i++) {
                started.add(callers.submit(() -> {
                    Http.Reply reply = http.post(DATASET + "/dicomStores/s:export", body);
                    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                    return reply.json().get("name").asText();
                }));
            }
            int successes = 0;
            List<String> refusals = new ArrayList<>();
            for (Future<String> name : started) {
                JsonNode done = awaitDone(http, name.get(5, TimeUnit.MINUTES));
                if (done.has("response")) {
                    successes++;
                } else {
                    refusals.add(done.get("error").toString());
                    assertThat(done.at("/error/code").asInt()).as(done.toString()).isIn(RETRYABLE);
                }
            }
            callers.shutdown();
            for (int i = 0; i < CLI_APPENDS; i++) {
                Process process = clis.get(i);
                assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = Files.readString(temp.resolve("cli-" + i + ".err"));
                JsonNode operation = new Http.Reply(200, out, null).json();
                // The operation as the server reports it now: the one the CLI printed, and its exit code, agree with it.
                JsonNode stored = awaitDone(http, operation.get("name").asText());
                assertThat(stored.has("response")).as("cli %d: %s %s", i, out, err).isEqualTo(operation.has("response"));
                if (operation.has("response")) {
                    assertThat(process.exitValue()).as("cli %d: %s", i, err).isZero();
                    successes++;
                } else {
                    assertThat(process.exitValue()).as("cli %d: %s", i, err).isEqualTo(1);
                    assertThat(operation.at("/error/code").asInt()).as(out).isIn(RETRYABLE);
                    refusals.add(operation.get("error").toString());
                }
            }

            JsonNode table = new InProcessDicombq(data).json("tables", "describe", TABLE, "--format=json");
            assertThat(table.get("numRows").asLong()).as("refused: %s", refusals).isEqualTo((long) FILES.size() * successes);
        }
    }

    /** Polls operations.get until the operation is done (ten minutes at most: 105 exports queue on one table). */
    private static JsonNode awaitDone(Http caller, String operationName) throws InterruptedException {
        for (int poll = 0; poll < 6_000; poll++) {
            Http.Reply reply = caller.get("/v1/" + operationName);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            if (reply.json().path("done").asBoolean()) {
                return reply.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("operation " + operationName + " did not finish within ten minutes");
    }

    /** {@code dicombq dicom-stores export bq STORE --write-disposition=write-append} in a process of its own. */
    private Process cli(Path data, Path store, int i) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.dicombq.adapter.in.cli.Main", "--data-dir=" + data,
                "dicom-stores", "export", "bq", store.toString(), "--bq-table=bq://" + TABLE,
                "--write-disposition=write-append", "--format=json")
                .directory(temp.toFile()).redirectError(temp.resolve("cli-" + i + ".err").toFile()).start();
    }
}
