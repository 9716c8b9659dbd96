package io.dicombq.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A caller of the HTTP API with java.net.http, as any client would call it: a token or none. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI server;
    private final Optional<String> token;

    Http(URI server, Optional<String> token) {
        this.server = server;
        this.token = token;
    }

    Http as(String token) {
        return new Http(server, Optional.of(token));
    }

    Http anonymous() {
        return new Http(server, Optional.empty());
    }

    record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The Google error envelope's {@code error} object. */
        JsonNode error() {
            return json().get("error");
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).DELETE());
    }

    private URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create(server + path);
    }

    private Reply send(HttpRequest.Builder request) {
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
