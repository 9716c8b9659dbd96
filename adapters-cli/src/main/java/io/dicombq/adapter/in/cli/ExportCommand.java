package io.dicombq.adapter.in.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dicombq dicom-stores export}: the export destinations (only BigQuery-shaped tables). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a DICOM store's metadata.",
        subcommands = ExportBqCommand.class)
public final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(CommandContext.out(spec));
    }
}
