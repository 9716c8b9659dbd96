package io.dicombq.it.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code dicombq serve --port 0 …} in its own JVM, as a user starts it; its stderr (the access log) goes to a file. */
final class ServeProcess implements AutoCloseable {
    private static final String READY = "Healthcare API listening on ";

    private final Process process;
    private final URI uri;
    private final Path accessLog;
    private final List<String> banner;

    private ServeProcess(Process process, URI uri, Path accessLog, List<String> banner) {
        this.process = process;
        this.uri = uri;
        this.accessLog = accessLog;
        this.banner = banner;
    }

    static ServeProcess start(Path dataDir, Path workDir, String... options) {
        return start(Map.of(), dataDir, workDir, options);
    }

    /** With these environment variables added (e.g. the server's DICOMweb token). */
    static ServeProcess start(Map<String, String> environment, Path dataDir, Path workDir, String... options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.dicombq.adapter.in.cli.Main",
                "--data-dir=" + dataDir, "serve", "--port", "0"));
        command.addAll(List.of(options));
        Path accessLog = workDir.resolve("serve-" + System.nanoTime() + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(accessLog.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.startsWith(READY)) {
                    String url = line.substring(READY.length(), line.indexOf(' ', READY.length()));
                    // the lines printed at start, up to the "Try: curl …" hint that ends them
                    List<String> banner = new ArrayList<>(List.of(line));
                    for (String more; !banner.get(banner.size() - 1).startsWith("Try: ") && (more = out.readLine()) != null; ) {
                        banner.add(more);
                    }
                    Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "serve-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return new ServeProcess(process, URI.create(url.substring(0, url.length() - "/v1".length())), accessLog,
                            List.copyOf(banner));
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("dicombq serve ended without listening; it printed:\n" + seen
                    + Files.readString(accessLog));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri() {
        return uri;
    }

    /** What the server printed when it started. */
    List<String> banner() {
        return banner;
    }

    String accessLog() {
        try {
            return Files.readString(accessLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
