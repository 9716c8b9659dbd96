package io.dicombq.adapter.in.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Optional;

/** The word of a command line that names the top-level command's subcommand, found without building the subcommands. */
final class SubcommandWord {
    private SubcommandWord() {
    }

    /**
     * The first argument that is neither one of {@code root}'s options nor an option's value; empty when there is none,
     * or when picocli could read the arguments otherwise (an {@code @file} of arguments, {@code --} ending the options).
     */
    static Optional<String> in(CommandSpec root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.equals("--")) {
                return Optional.empty();
            }
            if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
            if (!arg.contains("=") && takesValue(root.findOption(arg))) {
                i++;
            }
        }
        return Optional.empty();
    }

    private static boolean takesValue(OptionSpec option) {
        return option != null && option.arity().max() > 0;
    }
}
