package io.dicombq.adapter.out.dicom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Orthanc (Debian's {@code orthanc} + {@code orthanc-dicomweb}) for tests: a throwaway configuration and
 * storage in a temporary directory, a free loopback port, DICOMweb at {@code /dicom-web/}. Start one per test
 * class (a lifecycle costs about five seconds) and close it in {@code @AfterAll}.
 */
public final class OrthancServer implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    public static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    private final Path directory;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OrthancServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Starts a fresh, empty server and waits until it answers. */
    public static OrthancServer start() {
        requireInstalled();
        try {
            Path directory = Files.createTempDirectory("dicombq-orthanc-");
            IllegalStateException lastFailure = null;
            for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
                int port = freeLoopbackPort();
                Path config = writeConfig(directory.resolve("run-" + attempt), port);
                Process process = new ProcessBuilder(BINARY.toString(), config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(config.resolveSibling("orthanc.log").toFile())
                        .start();
                OrthancServer server = new OrthancServer(directory, process, port);
                try {
                    server.awaitReady();
                    return server;
                } catch (IllegalStateException e) {
                    // another process may have taken the port between our probe and Orthanc's bind
                    server.stopProcess();
                    lastFailure = e;
                }
            }
            deleteRecursively(directory);
            throw lastFailure;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Orthanc", e);
        }
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(BINARY) || !Files.isRegularFile(DICOMWEB_PLUGIN)) {
            throw new IllegalStateException("Orthanc with its DICOMweb plugin is not installed (" + BINARY + ", "
                    + DICOMWEB_PLUGIN + "): run ./scripts/install-test-deps (as root) to install orthanc and orthanc-dicomweb");
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path writeConfig(Path runDirectory, int port) throws IOException {
        Path storage = runDirectory.resolve("storage");
        Files.createDirectories(storage);
        String config = """
                {
                  "Name": "dicombq-test",
                  "HttpPort": %d,
                  "DicomServerEnabled": false,
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "Plugins": ["%s"],
                  "DicomWeb": {"Enable": true, "Root": "/dicom-web/"}
                }
                """.formatted(port, storage, storage, DICOMWEB_PLUGIN);
        Path file = runDirectory.resolve("orthanc.json");
        Files.writeString(file, config);
        return file;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited with code " + process.exitValue()
                        + " before answering (a port in use or a locked index exits with 255); its log:\n" + log());
            }
            try {
                HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(baseUri().resolve("/system")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Orthanc", e);
            }
            pause(Duration.ofMillis(50));
        }
        throw new IllegalStateException("Orthanc did not answer GET /system within " + STARTUP_LIMIT + "; its log:\n" + log());
    }

    private String log() {
        try (Stream<Path> logs = Files.find(directory, 2, (path, attributes) -> path.endsWith("orthanc.log"))) {
            StringBuilder text = new StringBuilder();
            for (Path log : logs.toList()) {
                text.append(Files.readString(log, StandardCharsets.UTF_8));
            }
            return text.toString();
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** {@code http://127.0.0.1:PORT}: Orthanc's own REST API. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The DICOMweb service root, {@code http://127.0.0.1:PORT/dicom-web}. */
    public URI dicomWebRoot() {
        return URI.create(baseUri() + "/dicom-web");
    }

    /** What Orthanc said to an upload: HTTP status and its answer (the new instance's Orthanc ID on success). */
    public record Upload(Path file, int status, String body) {
        public boolean stored() {
            return status == 200;
        }
    }

    /** Stores a Part 10 file with {@code POST /instances}. */
    public Upload upload(Path file) {
        IOException failure = null;
        // Orthanc closes idle keep-alive connections after a second; a POST on such a connection is sent again
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(baseUri().resolve("/instances"))
                                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Upload(file, reply.statusCode(), reply.body());
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while uploading " + file, e);
            }
        }
        throw new UncheckedIOException("uploading " + file + " to Orthanc", failure);
    }

    /** Sends a request to Orthanc's REST API (e.g. {@code DELETE /instances/ID}) and returns the status. */
    public int send(String method, String path) {
        try {
            return http.send(HttpRequest.newBuilder(baseUri().resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on Orthanc", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops Orthanc with SIGTERM, waits for it, and deletes its storage. */
    @Override
    public void close() {
        stopProcess();
        deleteRecursively(directory);
    }

    private void stopProcess() {
        process.destroy(); // SIGTERM: Orthanc closes its index cleanly
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
