package io.dicombq.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dicombq.adapter.out.dicom.testing.PydicomCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's attacks on {@code dicombq serve} without an access file (the default: loopback, every caller trusted):
 * requests from pages of other sites, Jetty's own refusals, list pages and tokens, and filter URIs. Requests that
 * java.net.http will not send (a forged Host, a malformed request line) go over a raw socket.
 */
class HostileRequestsTest {
    static final String DATASET = "/v1/projects/hostile-project/locations/us-central1/datasets/hd";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path root;
    static ServeProcess server;
    static Http http;

    @BeforeAll
    static void startTheServer() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        Path study = Files.createDirectories(root.resolve("study"));
        Files.copy(PydicomCorpus.file("CT_small.dcm"), study.resolve("CT_small.dcm"));
        Files.writeString(root.resolve("filter.txt"), "/studies/1.3.6.1.4.1.5962.1.2.1.20040119072730.12322\n");
        Path data = temp.resolve("data");
        new InProcessDicombq(data).ok("datasets", "create", "hostile-project.imaging");
        server = ServeProcess.start(data, temp, "--folder-root", root.toString());
        http = new Http(server.uri(), Optional.empty());
        for (int i = 0; i < 7; i++) {
            Http.Reply created = http.post(DATASET + "/dicomStores?dicomStoreId=store-" + i, "{\"source\": \"" + study + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A raw HTTP/1.1 exchange: the status line's code and the body. */
    record RawReply(int status, String head, String body) {
        JsonNode error() {
            try {
                return JSON.readTree(body).get("error");
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + head + body, e);
            }
        }
    }

    static RawReply raw(String request) {
        URI uri = server.uri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            return new RawReply(Integer.parseInt(head.substring(9, 12)), head, all.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hostHeader() {
        return server.uri().getHost() + ":" + server.uri().getPort();
    }

    static void assertEnvelope(int status, String code, JsonNode error) {
        assertThat(error).as("Google's envelope").isNotNull();
        assertThat(error.get("code").asInt()).isEqualTo(status);
        assertThat(error.get("status").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    /** The headers that keep a browser from framing, sniffing or scripting an answer, refusals and Jetty's own included. */
    static void assertSafetyHeaders(RawReply reply) {
        assertThat(reply.head()).as("safety headers of " + reply.head())
                .containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("X-Frame-Options: DENY")
                .containsIgnoringCase("Referrer-Policy: no-referrer").contains("frame-ancestors 'none'");
    }

    // item 8: a page of another site can send simple requests (form posts, text/plain fetches) to loopback
    @Test
    void aPostFromAPageOfAnotherSiteIsRefusedAndCreatesNothing() {
        String body = "{\"source\": \"" + root.resolve("study") + "\"}";
        String path = DATASET + "/dicomStores?dicomStoreId=cross-site";
        for (String request : List.of(
                post(path, "Origin: http://attacker.example\r\nContent-Type: application/json\r\n", body),
                post(path, "Origin: null\r\nContent-Type: application/json\r\n", body),
                post(path, "Origin: http://" + server.uri().getHost() + ":1\r\nContent-Type: application/json\r\n", body))) {
            RawReply reply = raw(request);
            assertThat(reply.status()).isEqualTo(403);
            assertEnvelope(403, "PERMISSION_DENIED", reply.error());
            assertThat(reply.error().get("message").asText()).contains("Cross-origin request refused");
            assertSafetyHeaders(reply);
        }
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            RawReply reply = raw(post(path, "Content-Type: " + type + "\r\n", body));
            assertEnvelope(400, "INVALID_ARGUMENT", reply.error());
            assertThat(reply.error().get("message").asText()).contains(type.split(";")[0]).contains("application/json");
            assertSafetyHeaders(reply);
        }
        RawReply noType = raw(post(path, "", body));
        assertEnvelope(400, "INVALID_ARGUMENT", noType.error());
        assertThat(http.get(DATASET + "/dicomStores/cross-site").status()).isEqualTo(404);
    }

    @Test
    void aCorsPreflightIsNeverGranted() {
        RawReply reply = raw("OPTIONS " + DATASET + "/dicomStores HTTP/1.1\r\nHost: " + hostHeader()
                + "\r\nOrigin: http://attacker.example\r\nAccess-Control-Request-Method: POST\r\n"
                + "Access-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n");
        assertThat(reply.status()).isEqualTo(403);
        assertSafetyHeaders(reply);
        assertThat(reply.head().toLowerCase()).doesNotContain("access-control-allow");
        RawReply sameOrigin = raw("OPTIONS " + DATASET + "/dicomStores HTTP/1.1\r\nHost: " + hostHeader()
                + "\r\nOrigin: " + server.uri() + "\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
        assertThat(sameOrigin.head().toLowerCase()).doesNotContain("access-control-allow");
        assertEnvelope(404, "NOT_FOUND", sameOrigin.error());
    }

    @Test
    void theServersOwnOriginAndProgramsWithoutOriginAreServed() {
        RawReply own = raw("GET " + DATASET + "/dicomStores HTTP/1.1\r\nHost: " + hostHeader() + "\r\nOrigin: "
                + server.uri() + "\r\nConnection: close\r\n\r\n");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        RawReply localhost = raw("GET " + DATASET + "/dicomStores HTTP/1.1\r\nHost: localhost:" + server.uri().getPort()
                + "\r\nOrigin: http://localhost:" + server.uri().getPort() + "\r\nConnection: close\r\n\r\n");
        assertThat(localhost.status()).as(localhost.body()).isEqualTo(200);
    }

    // DNS rebinding: another site's name resolved to 127.0.0.1 still carries that name in Host
    @Test
    void aRequestForAnotherHostNameIsRefusedByAServerWithoutAuthentication() {
        RawReply reply = raw("GET " + DATASET + "/dicomStores HTTP/1.1\r\nHost: attacker.example:" + server.uri().getPort()
                + "\r\nOrigin: http://attacker.example:" + server.uri().getPort() + "\r\nConnection: close\r\n\r\n");
        assertEnvelope(403, "PERMISSION_DENIED", reply.error());
        assertThat(reply.error().get("message").asText()).contains("attacker.example").contains("loopback");
        assertSafetyHeaders(reply);
    }

    // item 10: Jetty's own refusals in Google's envelope
    @Test
    void jettysOwnRefusalsCarryGooglesEnvelope() {
        RawReply ambiguous = raw("GET /v1/projects/hostile-project/locations/us-central1/datasets/a%2Fb/dicomStores HTTP/1.1\r\nHost: "
                + hostHeader() + "\r\nConnection: close\r\n\r\n");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertEnvelope(400, "INVALID_ARGUMENT", ambiguous.error());

        RawReply tooLong = raw("GET /v1/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: " + hostHeader() + "\r\nConnection: close\r\n\r\n");
        assertThat(tooLong.status()).isEqualTo(414);
        assertEnvelope(414, "INVALID_ARGUMENT", tooLong.error());

        RawReply bigHeaders = raw("GET " + DATASET + "/dicomStores HTTP/1.1\r\nHost: " + hostHeader() + "\r\nX-Padding: "
                + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertEnvelope(431, "INVALID_ARGUMENT", bigHeaders.error());
        assertThat(bigHeaders.head()).containsIgnoringCase("Content-Type: application/json");

        RawReply garbage = raw("NOT HTTP AT ALL\r\n\r\n");
        assertThat(garbage.status()).isEqualTo(400);
        assertEnvelope(400, "INVALID_ARGUMENT", garbage.error());
        for (RawReply reply : List.of(ambiguous, tooLong, bigHeaders, garbage)) {
            assertSafetyHeaders(reply);
        }
    }

    // item 3: AIP-158 pages
    @Test
    void dicomStoresAreListedInPagesUntilTheLastHasNoToken() {
        Set<String> names = new LinkedHashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            Http.Reply page = http.get(DATASET + "/dicomStores?pageSize=3" + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("dicomStores").forEach(store -> names.add(store.get("name").asText()));
            sizes.add(page.json().path("dicomStores").size());
            token = page.json().has("nextPageToken") ? page.json().get("nextPageToken").asText() : null;
        } while (token != null && sizes.size() < 10);
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(names).hasSize(7);
        assertThat(http.get(DATASET + "/dicomStores").json().get("dicomStores")).hasSize(7);
        assertThat(http.get(DATASET + "/dicomStores").json().has("nextPageToken")).isFalse();
    }

    @Test
    void badPageSizesAndTokensAreInvalidArguments() {
        for (String query : List.of("pageToken=not-a-token", "pageToken=" + "A".repeat(40), "pageSize=-1", "pageSize=ten")) {
            Http.Reply reply = http.get(DATASET + "/dicomStores?" + query);
            assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.error().get("status").asText()).isEqualTo("INVALID_ARGUMENT");
        }
        String token = http.get(DATASET + "/dicomStores?pageSize=2").json().get("nextPageToken").asText();
        Http.Reply elsewhere = http.get("/v1/projects/hostile-project/locations/us-central1/datasets/other/dicomStores?pageToken=" + token);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.error().get("message").asText()).contains("page token");
        Http.Reply operations = http.get(DATASET + "/operations?pageToken=" + token);
        assertThat(operations.status()).isEqualTo(400);
        assertThat(http.get(DATASET + "/dicomStores?pageSize=100000").json().get("dicomStores")).hasSize(7);
    }

    // item 5
    @Test
    void aFileUrlWithLocalhostIsAFilterAndOtherSchemesAreNamedInA400() {
        String filter = "file://localhost" + root.resolve("filter.txt");
        Http.Reply started = http.post(DATASET + "/dicomStores/store-0:export", "{\"bigqueryDestination\": {\"tableUri\":"
                + " \"bq://hostile-project.imaging.filtered\"}, \"filterConfig\": {\"resourcePathsGcsUri\": \"" + filter + "\"}}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode done = HealthcareHttpApiTest.awaitDone(http, started.json().get("name").asText());
        assertThat(done.has("error")).as(done.toString()).isFalse();
        assertThat(done.at("/metadata/counter/success").asText()).isEqualTo("1");

        for (String uri : List.of("https://attacker.example/filter.txt", "ftp://host/filter.txt", "s3://bucket/filter.txt")) {
            Http.Reply refused = http.post(DATASET + "/dicomStores/store-0:export", "{\"bigqueryDestination\": {\"tableUri\":"
                    + " \"bq://hostile-project.imaging.never\"}, \"filterConfig\": {\"resourcePathsGcsUri\": \"" + uri + "\"}}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            String scheme = uri.substring(0, uri.indexOf(':'));
            assertThat(refused.error().get("message").asText()).contains("the scheme '" + scheme + ":' is not supported");
        }
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader() + "\r\n" + headers + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }
}
