package io.dicombq.adapter.in.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;

/** The top-level {@code dicombq} command; each capability registers its subcommand here. */
@Command(name = "dicombq",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Export DICOM metadata into BigQuery-shaped tables, offline or on BigQuery.")
public final class DicombqCommand implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            VersionCommand.class,
            DicomStoresCommand.class,
            OperationsCommand.class,
            DatasetsCommand.class,
            TablesCommand.class,
            QueryCommand.class,
            DemoCommand.class,
            DumpCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code of a command whose request or operation failed (usage errors exit with 2). */
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    WarehouseOptions warehouse;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A command line with dicombq's conventions (one-line errors, exit 1 for failed requests, 2 for usage errors) that
     * runs {@code args}: when they name a subcommand, only that subcommand's tree is built; without arguments, or with
     * none naming a subcommand, every one. Building every command's model (reflection over all their classes and
     * annotations) was half of the command line's start-up (docs/BENCHMARKS.md, session 14).
     */
    public static CommandLine newCommandLine(String... args) {
        CommandLine root = new CommandLine(new DicombqCommand());
        Optional<Class<?>> named = SubcommandWord.in(root.getCommandSpec(), args).flatMap(DicombqCommand::subcommand);
        if (named.isPresent()) {
            root.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.forEach(root::addSubcommand);
        }
        return withConventions(root);
    }

    /** The subcommand called {@code word}, unless it is help, which lists all of them. */
    private static Optional<Class<?>> subcommand(String word) {
        return SUBCOMMANDS.stream()
                .filter(command -> command != CommandLine.HelpCommand.class)
                .filter(command -> command.getAnnotation(Command.class).name().equals(word))
                .findFirst();
    }

    /**
     * {@code dicombq dump} alone, with the same conventions and names: building every command's model (reflection over
     * all their annotations) was a tenth of a short dump's CPU (docs/BENCHMARKS.md, dump).
     */
    public static CommandLine newDumpCommandLine() {
        CommandLine dump = new CommandLine(new DumpCommand()).setCommandName("dicombq dump");
        // the options every subcommand inherits from dicombq are accepted (and ignored) here too, as in the tree
        dump.addMixin("warehouse", new WarehouseOptions());
        return withConventions(dump);
    }

    private static CommandLine withConventions(CommandLine commandLine) {
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            command.getErr().println("ERROR: " + ErrorLine.of(exception));
            command.getErr().flush();
            return EXIT_FAILED;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine command = exception.getCommandLine();
            command.getErr().println("ERROR: " + exception.getMessage());
            command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            command.getErr().flush();
            return EXIT_USAGE;
        });
        return commandLine;
    }
}
