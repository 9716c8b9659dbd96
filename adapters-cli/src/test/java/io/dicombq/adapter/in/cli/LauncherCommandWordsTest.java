package io.dicombq.adapter.in.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher (the repository's {@code dicombq} script) finds the command before any JVM runs, by a list of its own:
 * a subcommand missing there would run with the JVM's defaults and no class-data archive, so the two lists must agree.
 */
class LauncherCommandWordsTest {
    /** One branch of the launcher's {@code case "$arg" in} over command words: {@code dump | bench)}. */
    private static final Pattern BRANCH = Pattern.compile("^\\s*([a-z][a-z-]*(?:\\s*\\|\\s*[a-z][a-z-]*)*)\\)");

    @Test
    void theLauncherKnowsEverySubcommandAndNoOther() throws IOException {
        Set<String> subcommands = new TreeSet<>(DicombqCommand.newCommandLine().getSubcommands().keySet());

        assertThat(launcherWords()).isEqualTo(subcommands);
    }

    private static Set<String> launcherWords() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "dicombq"));
        int start = lines.indexOf("for arg in \"$@\"; do") + 1;
        assertThat(lines.get(start).trim()).as("the launcher's command loop").isEqualTo("case \"$arg\" in");
        Set<String> words = new TreeSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.trim().startsWith("*)")) {
                return words;
            }
            Matcher branch = BRANCH.matcher(line);
            if (branch.find()) {
                Arrays.stream(branch.group(1).split("\\|")).map(String::trim).forEach(words::add);
            }
        }
        throw new AssertionError("the launcher's command loop has no catch-all branch");
    }
}
