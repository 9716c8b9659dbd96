package io.dicombq.adapter.out.dicom.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real DICOM files Debian's python3-pydicom ships (never copied into the repository), and pydicom itself as an
 * independent oracle: what it reads from each file, as the DICOM JSON model (PS3.18 Annex F).
 */
public final class PydicomCorpus {
    public static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    public static final Path TEST_FILES = DATA.resolve("test_files");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    // one interpreter for all files: pydicom's reading of each, or the error it raised
    private static final String ORACLE = """
            import json, sys, pydicom
            for path in sys.argv[1:]:
                try:
                    ds = pydicom.dcmread(path, force=True)
                    out = {"json": ds.to_json_dict(bulk_data_threshold=1 << 30)}
                except Exception as e:
                    out = {"error": repr(e)}
                print(json.dumps({"path": path, **out}))
            """;

    private PydicomCorpus() {
    }

    public static Path file(String name) {
        Path path = TEST_FILES.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: run ./scripts/install-test-deps to install python3-pydicom");
        }
        return path;
    }

    /** Every DICOM file of the corpus (data files only, no scripts or READMEs), sorted. */
    public static List<Path> allFiles() {
        try (Stream<Path> paths = Files.walk(DATA)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().matches(".*\\.(py|pyc|txt|json|dump|gz|md)$|README"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(DATA + " unreadable: run ./scripts/install-test-deps to install python3-pydicom", e);
        }
    }

    /** What pydicom reads from one file. */
    public record Reading(Path path, JsonNode dataset, String error) {
        public boolean readable() {
            return error == null;
        }

        public String text(String tagHex) {
            JsonNode value = dataset.path(tagHex).path("Value").path(0);
            return value.isTextual() ? value.textValue() : null;
        }

        public String studyUid() {
            return text("0020000D");
        }

        public String seriesUid() {
            return text("0020000E");
        }

        public String sopInstanceUid() {
            return text("00080018");
        }
    }

    /** pydicom's reading of each file, keyed by path, in the order given. */
    public static Map<Path, Reading> read(List<Path> files) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", ORACLE));
        files.forEach(file -> command.add(file.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pydicom oracle failed (exit " + process.exitValue()
                        + "): run ./scripts/install-test-deps to install python3-pydicom");
            }
            Map<Path, Reading> readings = new LinkedHashMap<>();
            for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                Path path = Path.of(node.get("path").textValue());
                readings.put(path, new Reading(path, node.path("json"), node.has("error") ? node.get("error").textValue() : null));
            }
            return readings;
        } catch (IOException e) {
            throw new UncheckedIOException("running the pydicom oracle " + PYTHON, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
