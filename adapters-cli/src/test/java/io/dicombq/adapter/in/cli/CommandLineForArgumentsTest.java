package io.dicombq.adapter.in.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code DicombqCommand.newCommandLine(args)} builds only the subcommand the arguments name, and answers as the whole tree. */
class CommandLineForArgumentsTest {

    private static Set<String> built(String... args) {
        return DicombqCommand.newCommandLine(args).getSubcommands().keySet();
    }

    @Test
    void onlyTheNamedSubcommandIsBuilt() {
        assertThat(built("dicom-stores", "export", "bq", "STORE", "--bq-table=bq://p-1234.d.t")).containsExactly("dicom-stores");
        assertThat(built("--data-dir=/tmp/d", "query", "SELECT 1")).containsExactly("query");
        assertThat(built("--warehouse", "bigquery", "--bigquery-endpoint", "http://127.0.0.1:9050", "datasets", "list"))
                .containsExactly("datasets");
    }

    @Test
    void anOptionsValueThatSpellsACommandIsNotTheCommand() {
        assertThat(built("--data-dir", "serve", "query", "SELECT 1")).containsExactly("query");
        assertThat(built("--data-dir", "serve")).hasSizeGreaterThan(10);
    }

    @Test
    void withoutASubcommandOrWithHelpEveryCommandIsBuilt() {
        Set<String> all = DicombqCommand.newCommandLine().getSubcommands().keySet();
        assertThat(all).contains("dicom-stores", "query", "help").hasSizeGreaterThan(10);
        assertThat(built()).isEqualTo(all);
        assertThat(built("--help")).isEqualTo(all);
        assertThat(built("--data-dir=/tmp/d")).isEqualTo(all);
        assertThat(built("help", "query")).isEqualTo(all);
        assertThat(built("no-such-command")).isEqualTo(all);
        // picocli reads arguments from an @file, and takes what follows -- as positional: the whole tree answers them
        assertThat(built("@arguments.txt")).isEqualTo(all);
        assertThat(built("--", "query")).isEqualTo(all);
    }

    @Test
    void everyCommandsUsageAndAMistypedCommandReadTheSameAsWithTheWholeTree() {
        List<List<String>> paths = new ArrayList<>(CommandPaths.of(DicombqCommand.newCommandLine()));
        paths.remove(List.of());
        paths.add(List.of("no-such-command"));
        paths.add(List.of("dicom-stores", "no-such-subcommand"));
        paths.add(List.of("query", "--no-such-option"));
        assertThat(paths).hasSizeGreaterThan(20);

        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            if (!path.get(path.size() - 1).startsWith("no-such") && !path.get(path.size() - 1).startsWith("--")) {
                args.add("--help");
            }
            String[] line = args.toArray(String[]::new);
            assertThat(run(DicombqCommand.newCommandLine(line), line)).as("dicombq %s", args)
                    .isEqualTo(run(DicombqCommand.newCommandLine(), line));
        }
    }

    private static String run(CommandLine commandLine, String[] args) {
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args) + "\n" + out;
    }
}
