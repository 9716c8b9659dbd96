package io.dicombq.adapter.in.emulator;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.domain.destination.TableUri;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.dicombq.adapter.in.emulator.EmulatorHttp.gzip;
import static io.dicombq.adapter.in.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Resumable upload sessions end a week after their last request, as Google's do, and give back what they held. */
class UploadSessionLifetimeTest {
    private static final String BASE = "/bigquery/v2/projects/life-project";
    private static final AtomicLong DATABASES = new AtomicLong();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private H2Warehouse warehouse;
    private BigQueryEmulator emulator;
    private final EmulatorHttp api = new EmulatorHttp(() -> emulator.url());

    @BeforeEach
    void start() throws Exception {
        warehouse = H2Warehouse.inMemory("upload-life-" + DATABASES.incrementAndGet());
        AtomicLong ids = new AtomicLong();
        emulator = BigQueryEmulator.start(warehouse, 0, clock, () -> "s" + ids.incrementAndGet());
        api.send("POST", BASE + "/datasets", gzip("{\"datasetReference\":{\"datasetId\":\"ds\"}}"), true);
        api.send("POST", BASE + "/datasets/ds/tables", gzip("{\"tableReference\":{\"projectId\":\"life-project\",\"datasetId\":\"ds\","
                + "\"tableId\":\"t\"},\"schema\":{\"fields\":[{\"name\":\"uid\",\"type\":\"STRING\"}]}}"), true);
    }

    @AfterEach
    void stop() {
        emulator.close();
        warehouse.close();
    }

    @Test
    void anAbandonedSessionLivesAWeekAfterItsLastChunkThenItsFileIsDeleted() throws Exception {
        URI abandoned = open("job-a");
        assertThat(put(abandoned, "bytes 0-9/*", "{\"uid\":\"ab").statusCode()).isEqualTo(308);
        assertThat(uploadFiles(abandoned)).hasSize(1);

        clock.advance(Duration.ofDays(6));
        open("job-b");
        assertThat(put(abandoned, "bytes 10-11/*", "\"}").statusCode()).as("six days idle").isEqualTo(308);

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        open("job-c");
        assertThat(uploadFiles(abandoned)).as("a minute short of a week since its last chunk").hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        open("job-d");
        assertThat(uploadFiles(abandoned)).isEmpty();
        HttpResponse<String> late = put(abandoned, "bytes 12-12/13", "\n");
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(json(late).path("error").path("message").asText())
                .contains("no upload session").contains("expires a week after its last request").contains("uploadType=resumable");
        assertThat(warehouse.readRows(new TableUri("life-project", "ds", "t"), 0, 10)).isEmpty();
    }

    @Test
    void aFinishedSessionAnswersItsLastChunkAgainForAWeekThenIsForgotten() throws Exception {
        URI finished = open("job-e");
        HttpResponse<String> done = put(finished, "bytes 0-11/12", "{\"uid\":\"e\"}\n");
        assertThat(done.statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(5));
        HttpResponse<String> again = put(finished, "bytes 0-11/12", "{\"uid\":\"e\"}\n");
        assertThat(again.statusCode()).as("a client resending its last chunk gets the same job").isEqualTo(200);
        assertThat(json(again).path("jobReference").path("jobId").asText()).isEqualTo("job-e");

        clock.advance(Duration.ofDays(8));
        assertThat(put(finished, "bytes 0-11/12", "{\"uid\":\"e\"}\n").statusCode()).isEqualTo(404);
    }

    /** Opens a resumable upload of an NDJSON load job into ds.t; returns the session's URL. */
    private URI open(String jobId) throws IOException, InterruptedException {
        HttpResponse<String> opened = api.send("POST", "/upload/bigquery/v2/projects/life-project/jobs?uploadType=resumable",
                ("{\"configuration\":{\"load\":{\"destinationTable\":{\"projectId\":\"life-project\",\"datasetId\":\"ds\",\"tableId\":\"t\"},"
                        + "\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\"}},\"jobReference\":{\"jobId\":\"" + jobId
                        + "\",\"projectId\":\"life-project\"}}").getBytes(StandardCharsets.UTF_8), false);
        assertThat(opened.statusCode()).isEqualTo(200);
        return URI.create(opened.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> put(URI session, String range, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(session).header("Content-Range", range)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The files the emulator holds for the session at {@code session}. */
    private java.util.List<Path> uploadFiles(URI session) throws IOException {
        String id = session.getQuery().replaceAll(".*upload_id=", "");
        try (Stream<Path> files = Files.list(emulator.uploadDirectory())) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload-" + id + "-")).toList();
        }
    }

    /** A clock the test moves forward by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
