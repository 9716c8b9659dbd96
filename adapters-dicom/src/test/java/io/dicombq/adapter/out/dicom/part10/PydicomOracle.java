package io.dicombq.adapter.out.dicom.part10;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs scripts/oracle/pydicom_dump.py once over many files and returns pydicom's answer for each. */
final class PydicomOracle {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PydicomOracle() {
    }

    static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/oracle/pydicom_dump.py"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/oracle/pydicom_dump.py not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("scripts/oracle/pydicom_dump.py");
    }

    /** File path -> {"meta", "dataset"} or {"error"}. */
    static Map<String, JsonNode> dump(List<Path> files) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " is missing: install python3-pydicom with scripts/install-test-deps");
        }
        Process process = new ProcessBuilder(PYTHON.toString(), script().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            for (Path file : files) {
                stdin.write(file.toString());
                stdin.write('\n');
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> results = new LinkedHashMap<>();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null) {
                JsonNode node = mapper.readTree(line);
                results.put(node.get("file").asText(), node);
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("pydicom oracle failed (exit " + process.exitValue() + ")");
        }
        return results;
    }
}
