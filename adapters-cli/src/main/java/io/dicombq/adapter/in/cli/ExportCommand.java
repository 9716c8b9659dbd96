package io.dicombq.adapter.in.cli;

import picocli.CommandLine.Command;

/** {@code dicombq dicom-stores export}: the export destinations (only BigQuery-shaped tables). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a DICOM store's metadata.",
        subcommands = ExportBqCommand.class)
public final class ExportCommand extends CommandGroup {
}
