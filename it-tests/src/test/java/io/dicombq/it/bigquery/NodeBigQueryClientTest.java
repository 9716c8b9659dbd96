package io.dicombq.it.bigquery;

import io.dicombq.it.fixture.NodeClients;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the official Node.js BigQuery client (@google-cloud/bigquery from npm, installed by
 * scripts/install-test-deps) against the emulator: every type's cells, table.load() of a local file (a multipart
 * upload) and paged listings. The checks are it-tests/src/test/node/bigquery-emulator.test.cjs.
 */
@Tag("slow")
class NodeBigQueryClientTest {

    @Test
    void theOfficialNodeClientPassesEveryCheck(@TempDir Path folder) throws IOException {
        try (EmulatorFixture fixture = new EmulatorFixture()) {
            runChecks(fixture, folder);
        }
    }

    /**
     * The same checks against an emulator that answers every job RUNNING and every query {@code jobComplete: false}
     * unless it has already ended, as BigQuery answers long jobs: the client polls, and every check passes the same.
     */
    @Test
    void theOfficialNodeClientPollsJobsAnsweredRunning(@TempDir Path folder) throws IOException {
        try (EmulatorFixture fixture = new EmulatorFixture(Duration.ZERO)) {
            runChecks(fixture, folder);
        }
    }

    private static void runChecks(EmulatorFixture fixture, Path folder) throws IOException {
        Path ndjson = Files.writeString(folder.resolve("types.ndjson"), String.join("\n",
                "{\"wake\":\"07:30:00\",\"local\":\"2020-01-02T03:04:05\",\"day\":\"2020-01-02\","
                        + "\"at\":\"2020-01-02 03:04:05.123456 UTC\",\"amount\":\"1.50\",\"raw\":\"AAEC\","
                        + "\"doc\":\"{\\\"a\\\":[1,2]}\",\"x\":\"NaN\",\"ok\":true,"
                        + "\"codes\":[{\"code\":\"c1\",\"times\":[\"20:40:54\",\"00:00:00.000001\"]}]}",
                "{\"wake\":\"06:00:00.500000\",\"local\":\"2020-01-02 03:04:05.25\",\"x\":\"-Infinity\",\"ok\":false}", ""));
        NodeClients.Run run = NodeClients.test("bigquery-emulator.test.cjs", Map.of(
                "DICOMBQ_BIGQUERY_URL", fixture.url().toString(),
                "DICOMBQ_PROJECT", EmulatorFixture.PROJECT,
                "DICOMBQ_NDJSON", ndjson.toString()), 300);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.count("fail")).as(run.output()).isZero();
        assertThat(run.count("pass")).as(run.output()).isEqualTo(7);
    }
}
