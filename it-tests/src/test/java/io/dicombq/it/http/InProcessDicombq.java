package io.dicombq.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dicombq.adapter.in.cli.DicombqCommand;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line run in this JVM over one data directory, for commands that must succeed. */
public final class InProcessDicombq {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir;

    public InProcessDicombq(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Runs {@code dicombq --data-dir=… ARGS}, requires exit 0, and returns what it printed. */
    public String ok(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = DicombqCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        String[] all = new String[args.length + 1];
        all[0] = "--data-dir=" + dataDir;
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = commandLine.execute(all);
        assertThat(exit).as("dicombq %s: %s", String.join(" ", args), out).isZero();
        return out.toString();
    }

    public JsonNode json(String... args) {
        try {
            return JSON.readTree(ok(args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
