package io.dicombq.adapter.out.dicom.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A body is read up to the limit, whether the server announces its length or streams it in chunks. */
class BoundedBodyTest {
    private static final int LIMIT = 10_000;
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int size = Integer.parseInt(exchange.getRequestURI().getQuery().split("=")[1]);
            boolean chunked = exchange.getRequestURI().getPath().equals("/chunked");
            exchange.sendResponseHeaders(200, chunked ? 0 : size);
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] block = new byte[1000];
                for (int sent = 0; sent < size; sent += block.length) {
                    body.write(block, 0, Math.min(block.length, size - sent));
                }
            } catch (IOException clientWentAway) {
                // the client cancels an answer past its limit: expected
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws Exception {
        assertThat(get("/announced", LIMIT)).hasSize(LIMIT);
        assertThat(get("/chunked", LIMIT)).hasSize(LIMIT);
    }

    @Test
    void anAnnouncedLengthPastTheLimitIsRefusedBeforeReading() {
        IOException error = catchThrowableOfType(IOException.class, () -> get("/announced", LIMIT + 1));
        assertThat(rootCause(error)).isInstanceOf(BoundedBody.TooLargeException.class)
                .hasMessageContaining("announces " + (LIMIT + 1) + " bytes");
    }

    @Test
    void aStreamedBodyIsCutOffAtTheLimit() {
        IOException error = catchThrowableOfType(IOException.class, () -> get("/chunked", 50 * LIMIT));
        assertThat(rootCause(error)).isInstanceOf(BoundedBody.TooLargeException.class)
                .hasMessageContaining("holds more than " + LIMIT + " bytes");
    }

    private byte[] get(String path, int size) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path + "?size=" + size);
        return http.send(HttpRequest.newBuilder(uri).build(), new BoundedBody(LIMIT)).body();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
