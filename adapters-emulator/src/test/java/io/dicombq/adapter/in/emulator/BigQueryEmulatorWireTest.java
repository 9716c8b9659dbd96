package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.out.h2.H2Warehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

import static io.dicombq.adapter.in.emulator.EmulatorHttp.gzip;
import static io.dicombq.adapter.in.emulator.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The wire details the official client depends on, checked at the HTTP level. */
class BigQueryEmulatorWireTest {
    private static final String BASE = "/bigquery/v2/projects/wire-project";
    private static final AtomicLong DATABASES = new AtomicLong();

    private H2Warehouse warehouse;
    private BigQueryEmulator emulator;
    private final EmulatorHttp api = new EmulatorHttp(() -> emulator.url());
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        warehouse = H2Warehouse.inMemory("wire-" + DATABASES.incrementAndGet());
        AtomicLong ids = new AtomicLong();
        emulator = BigQueryEmulator.start(warehouse, 0, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                () -> "id" + ids.incrementAndGet());
        assertThat(api.send("POST", BASE + "/datasets", gzip("{\"datasetReference\":{\"datasetId\":\"ds\"}}"), true)
                .statusCode()).isEqualTo(200);
        api.send("POST", BASE + "/datasets/ds/tables", gzip("{\"tableReference\":{\"projectId\":\"wire-project\",\"datasetId\":\"ds\","
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
        JsonNode table = json(api.send("GET", BASE + "/datasets/ds/tables/t?view=STORAGE_STATS", null, false));

        assertThat(table.path("type").asText()).isEqualTo("TABLE");
        assertThat(table.path("id").asText()).isEqualTo("wire-project:ds.t");
        assertThat(table.path("numRows").asText()).isEqualTo("0");
        assertThat(table.path("schema").path("fields").get(0).path("mode").asText()).isEqualTo("REQUIRED");
        assertThat(table.path("schema").path("fields").get(1).has("mode")).isFalse();
    }

    @Test
    void cellsAreStringsNullIsAnExplicitVAndTimestampsAreEpochSecondsInBigQuerysNotation() throws Exception {
        api.send("POST", BASE + "/datasets/ds/tables/t/insertAll", gzip("{\"rows\":[{\"json\":{\"uid\":\"a\",\"n\":7,"
                + "\"at\":\"2020-01-02 03:04:05.123456 UTC\",\"codes\":[{\"v\":\"x\"}]}},{\"json\":{\"uid\":\"b\"}}]}"), true);

        JsonNode data = json(api.send("GET", BASE + "/datasets/ds/tables/t/data", null, false));

        assertThat(data.path("totalRows").asText()).isEqualTo("2");
        assertThat(data.path("rows").get(0).toString()).isEqualTo(
                "{\"f\":[{\"v\":\"a\"},{\"v\":\"7\"},{\"v\":\"1.577934245123456E9\"},{\"v\":[{\"v\":{\"f\":[{\"v\":\"x\"}]}}]}]}");
        assertThat(data.path("rows").get(1).toString()).isEqualTo(
                "{\"f\":[{\"v\":\"b\"},{\"v\":null},{\"v\":null},{\"v\":[]}]}");
    }

    @Test
    void aResumableUploadAnswersWithAnAbsoluteLocationThen308sThenTheDoneJob() throws Exception {
        String location = openUpload("load1");
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

    /**
     * An upload of several megabytes in chunks of unaligned sizes, one of them sent again with more bytes (a client
     * resending after a lost answer): every row arrives once, whole, wherever the chunk and block boundaries fall (the
     * file is written past the page cache in whole blocks, its last partial block at the end).
     */
    @Test
    void aChunkedUploadWithAResentChunkLoadsEveryRowOnce() throws Exception {
        URI location = URI.create(openUpload("load2"));
        StringBuilder text = new StringBuilder();
        int rows = 6_000;
        for (int i = 0; i < rows; i++) {
            text.append("{\"uid\":\"").append(i).append('-').append("x".repeat(300 + i % 700)).append("\",\"n\":").append(i).append("}\n");
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        int[] ends = {700_001, 1_048_577, 1_048_577 + 4_095, 2_500_003, data.length};
        int sent = 0;
        HttpResponse<String> last = null;
        for (int c = 0; c < ends.length; c++) {
            int from = c == 2 ? 700_001 : sent; // the third chunk resends the second and goes on
            int to = ends[c];
            String total = to == data.length ? Integer.toString(data.length) : "*";
            last = http.send(HttpRequest.newBuilder(location)
                    .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + total)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(data, from, to))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(last.statusCode()).as("chunk %d", c).isEqualTo(to == data.length ? 200 : 308);
            sent = to;
        }
        assertThat(json(last).path("statistics").path("load").path("outputRows").asText()).isEqualTo(Integer.toString(rows));
        java.util.List<io.dicombq.domain.schema.Row> loaded = warehouse.readRows(
                new io.dicombq.domain.destination.TableUri("wire-project", "ds", "t"), 0, rows + 1);
        assertThat(loaded).hasSize(rows);
        for (int i = 0; i < rows; i += 997) {
            assertThat(loaded.get(i).get("uid")).isEqualTo(i + "-" + "x".repeat(300 + i % 700));
            assertThat(loaded.get(i).get("n")).isEqualTo((long) i);
        }
    }

    /** Issue 17 item 2: the official Node.js client's table.load() uploads with uploadType=multipart. */
    @Test
    void aMultipartUploadRunsTheLoadJobInOneRequest() throws Exception {
        String boundary = "dicombq-boundary-17";
        String body = "--" + boundary + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                + "{\"configuration\":{\"load\":{\"destinationTable\":{\"projectId\":\"wire-project\",\"datasetId\":\"ds\","
                + "\"tableId\":\"t\"},\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\"}},\"jobReference\":{\"jobId\":\"multi1\"}}"
                + "\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\n\r\n"
                + "{\"uid\":\"a\",\"n\":1}\n{\"uid\":\"b\",\"n\":2}\n"
                + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(emulator.url()
                        + "/upload/bigquery/v2/projects/wire-project/jobs?uploadType=multipart"))
                .header("Content-Type", "multipart/related; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode job = json(done);
        assertThat(job.path("jobReference").path("jobId").asText()).isEqualTo("multi1");
        assertThat(job.path("status").path("state").asText()).isEqualTo("DONE");
        assertThat(job.path("statistics").path("load").path("outputRows").asText()).isEqualTo("2");
        assertThat(warehouse.readRows(new io.dicombq.domain.destination.TableUri("wire-project", "ds", "t"), 0, 10)).hasSize(2);
    }

    @Test
    void aMediaUploadOrAnUnknownUploadTypeIsABadRequestThatSaysWhatToUse() throws Exception {
        HttpResponse<String> media = api.send("POST", "/upload/bigquery/v2/projects/wire-project/jobs?uploadType=media",
                "{\"uid\":\"a\"}\n".getBytes(StandardCharsets.UTF_8), false);
        HttpResponse<String> unknown = api.send("POST", "/upload/bigquery/v2/projects/wire-project/jobs?uploadType=chunked",
                new byte[0], false);
        HttpResponse<String> noBoundary = http.send(HttpRequest.newBuilder(URI.create(emulator.url()
                        + "/upload/bigquery/v2/projects/wire-project/jobs?uploadType=multipart"))
                .header("Content-Type", "multipart/related").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(media.statusCode()).isEqualTo(400);
        assertThat(json(media).path("error").path("message").asText()).contains("use uploadType=multipart");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("error").path("message").asText()).contains("use resumable, multipart or media");
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(json(noBoundary).path("error").path("message").asText()).contains("names no boundary");
    }

    /** Issue 17 item 1: every type's cell text as BigQuery's REST API sends it. */
    @Test
    void everyTypesCellTextIsBigQuerys() throws Exception {
        api.send("POST", BASE + "/datasets/ds/tables", gzip("{\"tableReference\":{\"projectId\":\"wire-project\",\"datasetId\":\"ds\","
                + "\"tableId\":\"types\"},\"schema\":{\"fields\":[{\"name\":\"wake\",\"type\":\"TIME\"},"
                + "{\"name\":\"local\",\"type\":\"DATETIME\"},{\"name\":\"day\",\"type\":\"DATE\"},"
                + "{\"name\":\"at\",\"type\":\"TIMESTAMP\"},{\"name\":\"amount\",\"type\":\"NUMERIC\"},"
                + "{\"name\":\"raw\",\"type\":\"BYTES\"},{\"name\":\"doc\",\"type\":\"JSON\"},"
                + "{\"name\":\"x\",\"type\":\"FLOAT\"},{\"name\":\"ok\",\"type\":\"BOOLEAN\"}]}}"), true);
        api.send("POST", BASE + "/datasets/ds/tables/types/insertAll", gzip("{\"rows\":["
                + "{\"json\":{\"wake\":\"07:30:00\",\"local\":\"2020-01-02 03:04:05\",\"day\":\"2020-01-02\","
                + "\"at\":\"2020-01-02 03:04:05 UTC\",\"amount\":\"1.50\",\"raw\":\"AAEC\",\"doc\":\"{\\\"a\\\":[1,2]}\","
                + "\"x\":\"NaN\",\"ok\":true}},"
                + "{\"json\":{\"wake\":\"06:00:00.500000\",\"local\":\"2020-01-02T03:04:05.25\",\"at\":1577934245.5,"
                + "\"amount\":100,\"x\":\"-Infinity\",\"ok\":false}}]}"), true);

        JsonNode legacy = json(api.send("GET", BASE + "/datasets/ds/tables/types/data", null, false));
        JsonNode int64 = json(api.send("GET", BASE + "/datasets/ds/tables/types/data?formatOptions.useInt64Timestamp=true", null, false));

        assertThat(legacy.path("rows").get(0).toString()).isEqualTo("{\"f\":[{\"v\":\"07:30:00\"},{\"v\":\"2020-01-02T03:04:05\"},"
                + "{\"v\":\"2020-01-02\"},{\"v\":\"1.577934245E9\"},{\"v\":\"1.5\"},{\"v\":\"AAEC\"},"
                + "{\"v\":\"{\\\"a\\\":[1,2]}\"},{\"v\":\"NaN\"},{\"v\":\"true\"}]}");
        assertThat(legacy.path("rows").get(1).toString()).isEqualTo("{\"f\":[{\"v\":\"06:00:00.500000\"},"
                + "{\"v\":\"2020-01-02T03:04:05.250000\"},{\"v\":null},{\"v\":\"1.5779342455E9\"},{\"v\":\"100\"},"
                + "{\"v\":null},{\"v\":null},{\"v\":\"-Infinity\"},{\"v\":\"false\"}]}");
        assertThat(int64.path("rows").get(0).path("f").get(3).path("v").asText()).isEqualTo("1577934245000000");
        assertThat(int64.path("rows").get(1).path("f").get(3).path("v").asText()).isEqualTo("1577934245500000");

        // DataFormatOptions.timestampOutputFormat, the newer option: it wins over useInt64Timestamp
        JsonNode iso = json(api.send("GET", BASE + "/datasets/ds/tables/types/data?formatOptions.timestampOutputFormat=ISO8601_STRING"
                + "&formatOptions.useInt64Timestamp=true", null, false));
        assertThat(iso.path("rows").get(1).path("f").get(3).path("v").asText()).isEqualTo("2020-01-02T03:04:05.500000Z");
        JsonNode float64 = json(api.send("GET", BASE + "/datasets/ds/tables/types/data?formatOptions.timestampOutputFormat=FLOAT64",
                null, false));
        assertThat(float64.path("rows").get(1).path("f").get(3).path("v").asText()).isEqualTo("1.5779342455E9");
        JsonNode queried = json(api.send("POST", BASE + "/queries", gzip("{\"query\":\"SELECT `at` FROM `wire-project.ds.types` WHERE NOT ok\","
                + "\"useLegacySql\":false,\"formatOptions\":{\"timestampOutputFormat\":\"INT64\"}}"), true));
        assertThat(queried.path("rows").get(0)).as(queried.toString()).isNotNull();
        assertThat(queried.path("rows").get(0).path("f").get(0).path("v").asText()).isEqualTo("1577934245500000");
        HttpResponse<String> bad = api.send("GET", BASE + "/datasets/ds/tables/types/data?formatOptions.timestampOutputFormat=PICOS",
                null, false);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("timestampOutputFormat 'PICOS'");
    }

    /** Issue 17 item 3: maxResults, an opaque pageToken, nextPageToken while more follow, 400 for a forged token. */
    @Test
    void listsArePagedWithOpaqueTokens() throws Exception {
        for (int i = 0; i < 4; i++) {
            api.send("POST", BASE + "/datasets", gzip("{\"datasetReference\":{\"datasetId\":\"more" + i + "\"}}"), true);
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = json(api.send("GET", BASE + "/datasets?maxResults=2" + (token == null ? "" : "&pageToken=" + token),
                    null, false));
            page.path("datasets").forEach(d -> seen.add(d.path("datasetReference").path("datasetId").asText()));
            token = page.has("nextPageToken") ? page.path("nextPageToken").asText() : null;
            assertThat(token == null || !token.matches("[0-9]+")).as("an opaque token, not an index").isTrue();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrder("ds", "more0", "more1", "more2", "more3");
        assertThat(json(api.send("GET", BASE + "/datasets", null, false)).has("nextPageToken")).isFalse();
        HttpResponse<String> forged = api.send("GET", BASE + "/datasets?pageToken=Mg", null, false);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json(forged).path("error").path("message").asText()).startsWith("Invalid page token: Mg");
        String tablesToken = json(api.send("GET", BASE + "/datasets?maxResults=1", null, false)).path("nextPageToken").asText();
        assertThat(api.send("GET", BASE + "/datasets/ds/tables?pageToken=" + tablesToken, null, false).statusCode())
                .as("a token of another listing").isEqualTo(400);
        JsonNode tables = json(api.send("GET", BASE + "/datasets/ds/tables?maxResults=1", null, false));
        assertThat(tables.path("totalItems").asInt()).isEqualTo(1);
        assertThat(tables.has("nextPageToken")).isFalse();
    }

    /** tabledata.list's pageToken continues after the previous page's last row, or by index once the table is replaced. */
    @Test
    void tableDataPagesFollowOneAnotherAndSurviveAReplacedTable() throws Exception {
        insertUids("a", 25);
        java.util.List<String> seen = new java.util.ArrayList<>();
        java.util.List<String> tokens = new java.util.ArrayList<>();
        String token = null;
        do {
            JsonNode page = json(api.send("GET", BASE + "/datasets/ds/tables/t/data?maxResults=10"
                    + (token == null ? "" : "&pageToken=" + token), null, false));
            page.path("rows").forEach(row -> seen.add(row.path("f").get(0).path("v").asText()));
            token = page.has("pageToken") ? page.path("pageToken").asText() : null;
            tokens.add(token);
        } while (token != null);

        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).mapToObj(i -> "a" + i).toList());
        assertThat(tokens).hasSize(3);
        api.send("DELETE", BASE + "/datasets/ds/tables/t", null, false);
        api.send("POST", BASE + "/datasets/ds/tables", gzip("{\"tableReference\":{\"projectId\":\"wire-project\","
                + "\"datasetId\":\"ds\",\"tableId\":\"t\"},\"schema\":{\"fields\":[{\"name\":\"uid\",\"type\":\"STRING\"}]}}"), true);
        insertUids("b", 25);
        JsonNode afterReplace = json(api.send("GET", BASE + "/datasets/ds/tables/t/data?maxResults=2&pageToken=" + tokens.get(0),
                null, false));
        assertThat(afterReplace.path("rows").get(0).path("f").get(0).path("v").asText()).as("the old token's index")
                .isEqualTo("b10");
        JsonNode byIndex = json(api.send("GET", BASE + "/datasets/ds/tables/t/data?maxResults=1&pageToken=24", null, false));
        assertThat(byIndex.path("rows").get(0).path("f").get(0).path("v").asText()).isEqualTo("b24");
        assertThat(byIndex.has("pageToken")).isFalse();
        HttpResponse<String> forged = api.send("GET", BASE + "/datasets/ds/tables/t/data?pageToken=1.x", null, false);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(json(forged).path("error").path("message").asText()).startsWith("Invalid page token: 1.x");
    }

    private void insertUids(String prefix, int count) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"json\":{\"uid\":\"").append(prefix).append(i).append("\"}}");
        }
        assertThat(api.send("POST", BASE + "/datasets/ds/tables/t/insertAll", gzip("{\"rows\":[" + rows + "]}"), true)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownCallGetsTheGoogleErrorEnvelope() throws Exception {
        HttpResponse<String> response = api.send("POST", BASE + "/datasets/ds/routines", gzip("{}"), true);

        assertThat(response.statusCode()).isEqualTo(501);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(501);
        assertThat(error.path("status").asText()).isEqualTo("UNIMPLEMENTED");
        assertThat(error.path("errors").get(0).path("reason").asText()).isEqualTo("notImplemented");
        assertThat(error.path("message").asText()).contains("/routines");
    }

    @Test
    void aTableBeyondBigQuerysSchemaLimitsIsAnInvalidRequestNamingTheLimit() throws Exception {
        // specification 3.8: BigQuery's limits hold for any table, not only an export's
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            wide.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append("\",\"type\":\"STRING\"}");
        }
        String deep = "{\"name\":\"leaf\",\"type\":\"STRING\"}";
        for (int level = 16; level >= 1; level--) {
            deep = "{\"name\":\"r" + level + "\",\"type\":\"RECORD\",\"fields\":[" + deep + "]}";
        }
        String longName = "{\"name\":\"" + "x".repeat(301) + "\",\"type\":\"STRING\"}";

        assertRefusedTable("wide", wide.toString(), "Too many total leaf fields: 10001, max allowed field count: 10000");
        assertRefusedTable("deep", deep, "16 levels deep, more than BigQuery's limit of 15 levels");
        assertRefusedTable("long", longName, "has 301 characters, more than BigQuery's limit of 300 characters");
        assertThat(api.send("GET", BASE + "/datasets/ds/tables/wide", null, false).statusCode()).isEqualTo(404);
    }

    private void assertRefusedTable(String table, String fields, String message) throws Exception {
        HttpResponse<String> response = api.send("POST", BASE + "/datasets/ds/tables", gzip("{\"tableReference\":{"
                + "\"projectId\":\"wire-project\",\"datasetId\":\"ds\",\"tableId\":\"" + table + "\"},"
                + "\"schema\":{\"fields\":[" + fields + "]}}"), true);

        assertThat(response.statusCode()).as(table).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.path("errors").get(0).path("reason").asText()).isEqualTo("invalid");
        assertThat(error.path("message").asText()).contains(message);
    }

    @Test
    void positionalQueryParametersAreBoundInOrder() throws Exception {
        HttpResponse<String> response = api.send("POST", BASE + "/queries",
                gzip("{\"query\":\"SELECT ? AS a, ? + 1 AS b\",\"useLegacySql\":false,\"parameterMode\":\"POSITIONAL\","
                        + "\"queryParameters\":[{\"parameterType\":{\"type\":\"STRING\"},\"parameterValue\":{\"value\":\"x\"}},"
                        + "{\"parameterType\":{\"type\":\"INT64\"},\"parameterValue\":{\"value\":\"41\"}}]}"), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode cells = json(response).path("rows").get(0).path("f");
        assertThat(cells.get(0).path("v").asText()).isEqualTo("x");
        assertThat(cells.get(1).path("v").asText()).isEqualTo("42");
    }

    @Test
    void arrayParametersOfScalarsAreBound() throws Exception {
        HttpResponse<String> response = api.send("POST", BASE + "/queries",
                gzip("{\"query\":\"SELECT x FROM UNNEST([1, 2, 3, 4]) AS x WHERE x IN UNNEST(@ids) ORDER BY x\","
                        + "\"useLegacySql\":false,\"queryParameters\":[{\"name\":\"ids\",\"parameterType\":{\"type\":\"ARRAY\","
                        + "\"arrayType\":{\"type\":\"INT64\"}},\"parameterValue\":{\"arrayValues\":[{\"value\":\"2\"},"
                        + "{\"value\":\"4\"}]}}]}"), true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = json(response).path("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).path("f").get(0).path("v").asText()).isEqualTo("4");

        HttpResponse<String> withNull = api.send("POST", BASE + "/queries",
                gzip("{\"query\":\"SELECT ARRAY_LENGTH(@ids) AS n\",\"useLegacySql\":false,\"queryParameters\":[{\"name\":"
                        + "\"ids\",\"parameterType\":{\"type\":\"ARRAY\",\"arrayType\":{\"type\":\"INT64\"}},"
                        + "\"parameterValue\":{\"arrayValues\":[{\"value\":\"2\"},{}]}}]}"), true);
        assertThat(withNull.statusCode()).isEqualTo(400);
        assertThat(json(withNull).path("error").path("message").asText()).contains("query parameter @ids element 1 is NULL");

        HttpResponse<String> empty = api.send("POST", BASE + "/queries",
                gzip("{\"query\":\"SELECT ARRAY_LENGTH(@ids) AS n\",\"useLegacySql\":false,\"queryParameters\":[{\"name\":"
                        + "\"ids\",\"parameterType\":{\"type\":\"ARRAY\",\"arrayType\":{\"type\":\"STRING\"}},"
                        + "\"parameterValue\":{}}]}"), true);
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(200);
        assertThat(json(empty).path("rows").get(0).path("f").get(0).path("v").asText()).isEqualTo("0");
    }

    @Test
    void unnamedParametersWithoutAModeArePositionalAndAMixIsRefused() throws Exception {
        HttpResponse<String> unnamed = api.send("POST", BASE + "/queries",
                gzip("{\"query\":\"SELECT ? AS a\",\"useLegacySql\":false,\"queryParameters\":[{\"parameterType\":"
                        + "{\"type\":\"BOOL\"},\"parameterValue\":{\"value\":\"true\"}}]}"), true);
        assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(200);
        assertThat(json(unnamed).path("rows").get(0).path("f").get(0).path("v").asText()).isEqualTo("true");

        HttpResponse<String> named = api.send("POST", BASE + "/queries",
                gzip("{\"query\":\"SELECT ? AS a\",\"useLegacySql\":false,\"parameterMode\":\"NAMED\",\"queryParameters\":"
                        + "[{\"parameterType\":{\"type\":\"STRING\"},\"parameterValue\":{\"value\":\"x\"}}]}"), true);
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(json(named).path("error").path("message").asText()).contains("query parameter 1 has no name")
                .contains("POSITIONAL");

        HttpResponse<String> mixed = api.send("POST", BASE + "/queries",
                gzip("{\"query\":\"SELECT ? AS a\",\"useLegacySql\":false,\"parameterMode\":\"POSITIONAL\",\"queryParameters\":"
                        + "[{\"name\":\"p\",\"parameterType\":{\"type\":\"STRING\"},\"parameterValue\":{\"value\":\"x\"}}]}"), true);
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(json(mixed).path("error").path("message").asText()).contains("is named 'p' but parameterMode is POSITIONAL");
    }

    /** Opens a resumable upload of an NDJSON load job into ds.t; returns the session's URL. */
    private String openUpload(String jobId) throws IOException, InterruptedException {
        HttpResponse<String> opened = api.send("POST", "/upload/bigquery/v2/projects/wire-project/jobs?uploadType=resumable",
                ("{\"configuration\":{\"load\":{\"destinationTable\":{\"projectId\":\"wire-project\",\"datasetId\":\"ds\",\"tableId\":\"t\"},"
                        + "\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\"}},\"jobReference\":{\"jobId\":\"" + jobId
                        + "\",\"projectId\":\"wire-project\"}}").getBytes(StandardCharsets.UTF_8), false);
        return opened.headers().firstValue("Location").orElseThrow();
    }
}
