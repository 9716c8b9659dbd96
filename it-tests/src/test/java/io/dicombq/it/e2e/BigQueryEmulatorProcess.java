package io.dicombq.it.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code dicombq serve --bigquery-emulator --port 0} in its own JVM, as a user starts it; stopped on close. */
final class BigQueryEmulatorProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final String url;

    private BigQueryEmulatorProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static BigQueryEmulatorProcess start(Path dataDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.dicombq.adapter.in.cli.Main", "--data-dir=" + dataDir, "serve", "--bigquery-emulator", "--port", "0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return new BigQueryEmulatorProcess(process, matcher.group(1));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("dicombq serve --bigquery-emulator ended without a URL; it printed:\n" + seen);
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
