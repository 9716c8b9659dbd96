package io.dicombq.adapter.in.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code dicombq} command; each capability registers its subcommand here. */
@Command(name = "dicombq",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Export DICOM metadata into BigQuery-shaped tables, offline or on BigQuery.",
        subcommands = {
                VersionCommand.class,
                DumpCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class DicombqCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with dicombq's conventions: one-line errors, exit 2 for usage errors. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new DicombqCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
