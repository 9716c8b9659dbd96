package io.dicombq.it.schema;

import io.dicombq.domain.json.JsonReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs scripts/oracle/flatten_oracle.py (specification 3 implemented again in Python on pydicom) once over
 * many files and returns its expected schema and row for each.
 */
final class FlattenOracle {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = "scripts/oracle/flatten_oracle.py";

    private FlattenOracle() {
    }

    static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(SCRIPT))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(SCRIPT);
    }

    /** File path -> {"schema", "row"} or {"error"}. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> run(List<Path> files, String sourceStore) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " is missing: run scripts/install-test-deps (python3-pydicom)");
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script().toString()));
        if (sourceStore != null) {
            command.add("--source-store");
            command.add(sourceStore);
        }
        files.forEach(file -> command.add(file.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null) {
                Map<String, Object> result = (Map<String, Object>) JsonReader.parse(line);
                results.put((String) result.get("file"), result);
            }
        }
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the flatten oracle failed (exit " + process.exitValue() + ")");
        }
        return results;
    }
}
