package io.dicombq.adapter.in.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** Every command of a command line as the words that name it: the root's (none) first, then each subcommand's. */
final class CommandPaths {
    private CommandPaths() {
    }

    static List<List<String>> of(CommandLine root) {
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            // help is picocli's own, and an alias names a command already listed
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, paths);
            }
        });
    }
}
