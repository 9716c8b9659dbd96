package io.dicombq.adapter.in.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README: every command that answers with a result takes {@code --format=json} for machine output, as gcloud's do
 * (a delete answers {@code {}}, as the API does). Left out: the long-running surfaces (serve, demo), the benchmarks
 * (a report for people), dump (it prints the DICOM JSON model, PS3.18 F.2, and nothing else) and commands hidden
 * from users.
 */
class EveryCommandFormatTest {
    private static final Set<String> WITHOUT = Set.of("serve", "demo", "bench", "dump");

    @Test
    void everyCommandThatAnswersTakesFormatJson() {
        CommandLine root = DicombqCommand.newCommandLine();
        List<List<String>> leaves = CommandPaths.of(root).stream()
                .filter(path -> !path.isEmpty() && !WITHOUT.contains(path.get(0)))
                .filter(path -> command(root, path).getSubcommands().isEmpty())
                .filter(path -> !command(root, path).getCommandSpec().usageMessage().hidden())
                .toList();
        assertThat(leaves).hasSizeGreaterThan(15);
        assertThat(leaves).as("commands without --format=json").filteredOn(path -> {
            CommandLine.Model.OptionSpec format = command(root, path).getCommandSpec().findOption("--format");
            return format == null || !format.description()[0].contains("json");
        }).isEmpty();
    }

    private static CommandLine command(CommandLine root, List<String> path) {
        CommandLine command = root;
        for (String word : path) {
            command = command.getSubcommands().get(word);
        }
        return command;
    }
}
