package io.dicombq.adapter.in.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** README: every command takes {@code --help}; it prints the command's usage and exits 0, whatever else it requires. */
class EveryCommandHelpTest {

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        List<List<String>> paths = CommandPaths.of(DicombqCommand.newCommandLine());
        assertThat(paths).hasSizeGreaterThan(20);

        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = DicombqCommand.newCommandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));

            int exit = commandLine.execute(args.toArray(String[]::new));

            String command = String.join(" ", path);
            assertThat(exit).as("dicombq %s --help: %s", command, err).isZero();
            assertThat(out.toString()).as("dicombq %s --help", command)
                    .startsWith("Usage: dicombq" + (path.isEmpty() ? "" : " " + command));
        }
    }
}
