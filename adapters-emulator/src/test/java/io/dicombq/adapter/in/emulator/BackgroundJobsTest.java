package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs that have not ended when the request must be answered: answered RUNNING (a query through jobs.query or
 * getQueryResults: {@code jobComplete: false}), shown RUNNING by jobs.get and jobs.list until they end, then DONE with
 * their outcome. The jobs are held until the test lets them run.
 */
class BackgroundJobsTest {
    private static final String PROJECT = "held-project";
    private static final AtomicLong DATABASES = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HeldJobs held = new HeldJobs();
    private final HttpClient http = HttpClient.newHttpClient();
    private final TableUri table = new TableUri(PROJECT, "ds", "t");
    private H2Warehouse warehouse;
    private BigQueryEmulator emulator;

    @BeforeEach
    void start() {
        warehouse = H2Warehouse.inMemory("held-" + DATABASES.incrementAndGet());
        warehouse.createDataset(PROJECT, "ds");
        AtomicLong ids = new AtomicLong();
        emulator = BigQueryEmulator.start(warehouse, 0, Clock.systemUTC(), () -> "id" + ids.incrementAndGet(), held,
                Duration.ZERO);
    }

    @AfterEach
    void stop() throws InterruptedException {
        held.runAll();
        emulator.close();
        warehouse.close();
    }

    @Test
    void aLoadStillRunningIsAnsweredRunningShownRunningAndEndsDoneWithItsRows() throws Exception {
        JsonNode answered = multipartLoad("load1", "{\"uid\":\"a\"}\n{\"uid\":\"b\"}\n");

        assertThat(answered.path("status").path("state").asText()).isEqualTo("RUNNING");
        assertThat(answered.path("configuration").path("load").path("destinationTable").path("tableId").asText())
                .isEqualTo("t");
        assertThat(job("load1").path("status").path("state").asText()).isEqualTo("RUNNING");
        assertThat(job("load1").path("statistics").has("endTime")).isFalse();
        assertThat(listedStates()).containsExactly("RUNNING");
        assertThat(warehouse.tableSchema(table)).isEmpty();

        held.runAll();

        JsonNode done = job("load1");
        assertThat(done.path("status").path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("status").has("errorResult")).isFalse();
        assertThat(done.path("statistics").path("load").path("outputRows").asText()).isEqualTo("2");
        assertThat(listedStates()).containsExactly("DONE");
        assertThat(warehouse.readRows(table, 0, 10)).hasSize(2);
    }

    @Test
    void aCopyThatFailsInTheBackgroundEndsDoneWithItsErrorInsteadOfRunningForever() throws Exception {
        JsonNode answered = post("/bigquery/v2/projects/" + PROJECT + "/jobs", "{\"jobReference\":{\"jobId\":\"copy1\"},"
                + "\"configuration\":{\"copy\":{\"sourceTable\":{\"projectId\":\"" + PROJECT + "\",\"datasetId\":\"ds\","
                + "\"tableId\":\"missing\"},\"destinationTable\":{\"projectId\":\"" + PROJECT + "\",\"datasetId\":\"ds\","
                + "\"tableId\":\"t\"}}}}");

        assertThat(answered.path("status").path("state").asText()).isEqualTo("RUNNING");

        held.runAll();

        JsonNode done = job("copy1");
        assertThat(done.path("status").path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("status").path("errorResult").path("message").asText()).contains("missing");
        assertThat(warehouse.tableSchema(table)).isEmpty();
    }

    @Test
    void aQueryStillRunningIsAnsweredIncompleteThenItsRowsComeWhenItEnds() throws Exception {
        JsonNode answered = post("/bigquery/v2/projects/" + PROJECT + "/queries",
                "{\"query\":\"SELECT 7 AS x UNION ALL SELECT 8\",\"useLegacySql\":false,\"timeoutMs\":5000}");

        assertThat(answered.path("kind").asText()).isEqualTo("bigquery#queryResponse");
        assertThat(answered.path("jobComplete").asBoolean(true)).isFalse();
        assertThat(answered.has("rows")).isFalse();
        String jobId = answered.path("jobReference").path("jobId").asText();
        JsonNode running = job(jobId);
        assertThat(running.path("status").path("state").asText()).isEqualTo("RUNNING");
        assertThat(running.path("configuration").path("query").path("destinationTable").path("datasetId").asText())
                .isEqualTo(QueryJobResults.DATASET);
        JsonNode polled = get("/bigquery/v2/projects/" + PROJECT + "/queries/" + jobId + "?timeoutMs=0");
        assertThat(polled.path("kind").asText()).isEqualTo("bigquery#getQueryResultsResponse");
        assertThat(polled.path("jobComplete").asBoolean(true)).isFalse();

        held.runAll();

        JsonNode results = get("/bigquery/v2/projects/" + PROJECT + "/queries/" + jobId + "?timeoutMs=0");
        assertThat(results.path("jobComplete").asBoolean()).isTrue();
        assertThat(results.path("totalRows").asText()).isEqualTo("2");
        assertThat(results.path("rows").toString()).contains("\"7\"").contains("\"8\"");
        assertThat(job(jobId).path("status").path("state").asText()).isEqualTo("DONE");
    }

    @Test
    void aQueryJobThatFailsWhileRunningEndsDoneWithItsErrorAndItsResultsAreThatError() throws Exception {
        JsonNode answered = post("/bigquery/v2/projects/" + PROJECT + "/jobs", "{\"jobReference\":{\"jobId\":\"q1\"},"
                + "\"configuration\":{\"query\":{\"query\":\"SELECT nope FROM ds.missing\",\"useLegacySql\":false}}}");

        assertThat(answered.path("status").path("state").asText()).isEqualTo("RUNNING");

        held.runAll();

        JsonNode done = job("q1");
        assertThat(done.path("status").path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("status").path("errorResult").path("message").asText()).contains("missing");
        HttpResponse<String> results = http.send(HttpRequest.newBuilder(URI.create(emulator.url()
                + "/bigquery/v2/projects/" + PROJECT + "/queries/q1")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(results.statusCode()).isEqualTo(404);
        assertThat(results.body()).contains("missing");
    }

    @Test
    void aJobThatEndsWithinTheWaitIsAnsweredDone() throws Exception {
        try (BigQueryEmulator direct = BigQueryEmulator.start(warehouse, 0, Clock.systemUTC(), () -> "d1", Runnable::run,
                Duration.ofMinutes(1))) {
            warehouse.createTable(table, TableSchema.of(Column.of("uid", ColumnType.STRING, Mode.NULLABLE)));
            JsonNode answered = post(direct.url(), "/bigquery/v2/projects/" + PROJECT + "/jobs",
                    "{\"jobReference\":{\"jobId\":\"copy2\"},\"configuration\":{\"copy\":{\"sourceTable\":{\"projectId\":\""
                            + PROJECT + "\",\"datasetId\":\"ds\",\"tableId\":\"t\"},\"destinationTable\":{\"projectId\":\""
                            + PROJECT + "\",\"datasetId\":\"ds\",\"tableId\":\"t2\"}}}}");

            assertThat(answered.path("status").path("state").asText()).isEqualTo("DONE");
            assertThat(answered.path("statistics").path("copy").path("copiedRows").asText()).isEqualTo("0");
        }
    }

    private JsonNode multipartLoad(String jobId, String rows) throws IOException, InterruptedException {
        String boundary = "held-boundary";
        String body = "--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                + "{\"configuration\":{\"load\":{\"destinationTable\":{\"projectId\":\"" + PROJECT + "\",\"datasetId\":\"ds\","
                + "\"tableId\":\"t\"},\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\",\"schema\":{\"fields\":[{\"name\":\"uid\","
                + "\"type\":\"STRING\"}]}}},\"jobReference\":{\"jobId\":\"" + jobId + "\"}}"
                + "\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\n\r\n" + rows
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(emulator.url()
                        + "/upload/bigquery/v2/projects/" + PROJECT + "/jobs?uploadType=multipart"))
                .header("Content-Type", "multipart/related; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private JsonNode job(String jobId) throws IOException, InterruptedException {
        return get("/bigquery/v2/projects/" + PROJECT + "/jobs/" + jobId);
    }

    private List<String> listedStates() throws IOException, InterruptedException {
        List<String> states = new ArrayList<>();
        get("/bigquery/v2/projects/" + PROJECT + "/jobs").path("jobs").forEach(job -> states.add(job.path("state").asText()));
        return states;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(emulator.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        return post(emulator.url(), path, body);
    }

    private JsonNode post(URI root, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(root + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Keeps every job it is given until {@link #runAll} runs them, in order, on the test's thread. */
    private static final class HeldJobs implements Executor {
        private final List<Runnable> jobs = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable job) {
            jobs.add(job);
        }

        void runAll() {
            List<Runnable> now;
            synchronized (this) {
                now = List.copyOf(jobs);
                jobs.clear();
            }
            now.forEach(Runnable::run);
        }
    }
}
