package io.dicombq.adapter.out.dicom.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sits in front of the real Orthanc and forwards every GET to it, except that it first plays the scripted
 * faults a production server produces and Orthanc cannot be made to: rate limiting, 5xx, refused credentials,
 * a corrupted body, a server that stalls. It records what each request carried, so tests can see the retries and
 * the bearer token.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** One scripted answer: a status, an optional Retry-After, a body. */
    public record Fault(int status, String retryAfter, String body) {
        public static Fault status(int status) {
            return new Fault(status, null, "");
        }

        public static Fault retryAfter(int status, String retryAfter) {
            return new Fault(status, retryAfter, "");
        }
    }

    /** What one request carried. */
    public record Seen(String pathAndQuery, String authorization) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
    private final URI target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile String metadataBodyOverride;
    private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

    public FaultInjectingProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized void script(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Every metadata request is answered 200 with this body instead of Orthanc's. */
    public void corruptMetadata(String body) {
        metadataBodyOverride = body;
    }

    /** Requests from now on wait, as on a stalled server, until {@link #release()}. */
    public void hold() {
        gate = new java.util.concurrent.CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        seen.add(new Seen(pathAndQuery, exchange.getRequestHeaders().getFirst("Authorization")));
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Fault fault;
        synchronized (this) {
            fault = faults.poll();
        }
        if (fault != null) {
            if (fault.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", fault.retryAfter());
            }
            reply(exchange, fault.status(), fault.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (metadataBodyOverride != null && pathAndQuery.endsWith("/metadata")) {
            reply(exchange, 200, metadataBodyOverride.getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(target + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            reply(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 500, new byte[0]);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
