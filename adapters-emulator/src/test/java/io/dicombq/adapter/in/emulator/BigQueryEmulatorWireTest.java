package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.out.h2.H2Warehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire details the official client depends on, checked at the HTTP level. */
class BigQueryEmulatorWireTest {
    private static final String BASE = "/bigquery/v2/projects/wire-project";
    private static final AtomicLong DATABASES = new AtomicLong();

    private H2Warehouse warehouse;
    private BigQueryEmulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        warehouse = H2Warehouse.inMemory("wire-" + DATABASES.incrementAndGet());
        AtomicLong ids = new AtomicLong();
        emulator = BigQueryEmulator.start(warehouse, 0, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                () -> "id" + ids.incrementAndGet());
        assertThat(send("POST", BASE + "/datasets", gzip("{\"datasetReference\":{\"datasetId\":\"ds\"}}"), true)
                .statusCode()).isEqualTo(200);
        send("POST", BASE + "/datasets/ds/tables", gzip("{\"tableReference\":{\"projectId\":\"wire-project\",\"datasetId\":\"ds\","
                + "\"tableId\":\"t\"},\"schema\":{\"fields\":[{\"name\":\"uid\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"},"
                + "{\"name\":\"n\",\"type\":\"INTEGER\"},{\"name\":\"at\",\"type\":\"TIMESTAMP\"},"
                + "{\"name\":\"codes\",\"type\":\"RECORD\",\"mode\":\"REPEATED\",\"fields\":[{\"name\":\"v\",\"type\":\"STRING\"}]}]}}"),
                true);
    }

    @AfterEach
    void stop() {
        emulator.close();
        warehouse.close();
    }

    @Test
    void tablesSayTheirTypeAndOmitTheModeOfNullableFields() throws Exception {
        JsonNode table = json(send("GET", BASE + "/datasets/ds/tables/t?view=STORAGE_STATS", null, false));

        assertThat(table.path("type").asText()).isEqualTo("TABLE");
        assertThat(table.path("id").asText()).isEqualTo("wire-project:ds.t");
        assertThat(table.path("numRows").asText()).isEqualTo("0");
        assertThat(table.path("schema").path("fields").get(0).path("mode").asText()).isEqualTo("REQUIRED");
        assertThat(table.path("schema").path("fields").get(1).has("mode")).isFalse();
    }

    @Test
    void cellsAreStringsNullIsAnExplicitVAndTimestampsAreEpochSeconds() throws Exception {
        send("POST", BASE + "/datasets/ds/tables/t/insertAll", gzip("{\"rows\":[{\"json\":{\"uid\":\"a\",\"n\":7,"
                + "\"at\":\"2020-01-02 03:04:05.123456 UTC\",\"codes\":[{\"v\":\"x\"}]}},{\"json\":{\"uid\":\"b\"}}]}"), true);

        JsonNode data = json(send("GET", BASE + "/datasets/ds/tables/t/data", null, false));

        assertThat(data.path("totalRows").asText()).isEqualTo("2");
        assertThat(data.path("rows").get(0).toString()).isEqualTo(
                "{\"f\":[{\"v\":\"a\"},{\"v\":\"7\"},{\"v\":\"1577934245.123456\"},{\"v\":[{\"v\":{\"f\":[{\"v\":\"x\"}]}}]}]}");
        assertThat(data.path("rows").get(1).toString()).isEqualTo(
                "{\"f\":[{\"v\":\"b\"},{\"v\":null},{\"v\":null},{\"v\":[]}]}");
    }

    @Test
    void aResumableUploadAnswersWithAnAbsoluteLocationThen308sThenTheDoneJob() throws Exception {
        HttpResponse<String> opened = send("POST", "/upload/bigquery/v2/projects/wire-project/jobs?uploadType=resumable",
                ("{\"configuration\":{\"load\":{\"destinationTable\":{\"projectId\":\"wire-project\",\"datasetId\":\"ds\",\"tableId\":\"t\"},"
                        + "\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\"}},\"jobReference\":{\"jobId\":\"load1\",\"projectId\":\"wire-project\"}}")
                        .getBytes(StandardCharsets.UTF_8), false);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(emulator.url() + "/upload/bigquery/v2/projects/wire-project/jobs?");
        byte[] first = "{\"uid\":\"a\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] last = "{\"uid\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> partial = http.send(HttpRequest.newBuilder(URI.create(location))
                .header("Content-Range", "bytes 0-" + (first.length - 1) + "/*")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(first)).build(), HttpResponse.BodyHandlers.ofString());
        int total = first.length + last.length;
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(location))
                .header("Content-Range", "bytes " + first.length + "-" + (total - 1) + "/" + total)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(last)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(partial.statusCode()).isEqualTo(308);
        assertThat(partial.headers().firstValue("Range")).contains("bytes=0-" + (first.length - 1));
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode job = json(done);
        assertThat(job.path("status").path("state").asText()).isEqualTo("DONE");
        assertThat(job.path("configuration").path("load").path("sourceFormat").asText()).isEqualTo("NEWLINE_DELIMITED_JSON");
        assertThat(job.path("statistics").path("load").path("outputRows").asText()).isEqualTo("2");
        assertThat(warehouse.readRows(new io.dicombq.domain.destination.TableUri("wire-project", "ds", "t"), 0, 10)).hasSize(2);
    }

    @Test
    void anUnknownCallGetsTheGoogleErrorEnvelope() throws Exception {
        HttpResponse<String> response = send("POST", BASE + "/datasets/ds/routines", gzip("{}"), true);

        assertThat(response.statusCode()).isEqualTo(501);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(501);
        assertThat(error.path("status").asText()).isEqualTo("UNIMPLEMENTED");
        assertThat(error.path("errors").get(0).path("reason").asText()).isEqualTo("notImplemented");
        assertThat(error.path("message").asText()).contains("/routines");
    }

    @Test
    void positionalQueryParametersAreRefusedNotIgnored() throws Exception {
        HttpResponse<String> response = send("POST", BASE + "/queries",
                gzip("{\"query\":\"SELECT nonsense FROM\",\"useLegacySql\":false,\"queryParameters\":[{\"parameterType\":"
                        + "{\"type\":\"STRING\"},\"parameterValue\":{\"value\":\"x\"}}]}"), true);

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(json(response).path("error").path("message").asText()).contains("positional");
    }

    private HttpResponse<String> send(String method, String path, byte[] body, boolean gzipped)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzipped) {
            request.header("Content-Encoding", "gzip").header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return WireJson.MAPPER.readTree(response.body());
    }

    private static byte[] gzip(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
