package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/** Requests to an emulator as BigQuery's clients send them: JSON bodies gzipped, paths under its root. */
final class EmulatorHttp {
    private final HttpClient http = HttpClient.newHttpClient();
    private final Supplier<URI> root;

    /** @param root the emulator's root, asked at each request (a test may start the emulator after this) */
    EmulatorHttp(Supplier<URI> root) {
        this.root = root;
    }

    HttpResponse<String> send(String method, String path, byte[] body, boolean gzipped)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root.get() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzipped) {
            request.header("Content-Encoding", "gzip").header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return WireJson.MAPPER.readTree(response.body());
    }

    static byte[] gzip(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
