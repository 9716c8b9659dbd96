package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dicombq.adapter.in.cli.DicombqCommand;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs dicombq through its real entry point, as a user would, over one data directory; captures out and err. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir;
    private final List<String> globalOptions;

    Cli(Path dataDir) {
        this(dataDir, List.of());
    }

    /** A CLI whose every command also gets {@code globalOptions}, e.g. {@code --warehouse=bigquery}. */
    Cli(Path dataDir, List<String> globalOptions) {
        this.dataDir = dataDir;
        this.globalOptions = List.copyOf(globalOptions);
    }

    Path dataDir() {
        return dataDir;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>();
        all.add("--data-dir=" + dataDir);
        all.addAll(globalOptions);
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = DicombqCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs a command that must succeed and returns its standard output. */
    String ok(String... args) {
        Result result = run(args);
        if (result.exit() != 0) {
            throw new AssertionError("dicombq " + String.join(" ", args) + " exited " + result.exit() + ": " + result.err() + result.out());
        }
        return result.out();
    }

    JsonNode json(String... args) {
        return parse(ok(args));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The export's operation as describe --format=json prints it (the export itself ran with --format=json). */
    JsonNode export(String... args) {
        List<String> all = new ArrayList<>(List.of("dicom-stores", "export", "bq"));
        all.addAll(List.of(args));
        all.add("--format=json");
        Result result = run(all.toArray(String[]::new));
        return parse(result.out());
    }

    long rows(String table) {
        return Long.parseLong(json("tables", "describe", table, "--format=json").get("numRows").asText());
    }

    boolean tableExists(String projectDotDataset, String table) {
        for (JsonNode name : json("tables", "list", projectDotDataset, "--format=json")) {
            if (name.asText().equals(table)) {
                return true;
            }
        }
        return false;
    }

    record Result(int exit, String out, String err) {
    }
}
