package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationJson;
import io.dicombq.domain.operation.OperationName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/** {@code dicombq operations …}: the long-running operations of exports (specification 2). */
@Command(name = "operations", mixinStandardHelpOptions = true,
        description = "Describe, list and cancel long-running export operations.",
        subcommands = {
                OperationsCommand.Describe.class,
                OperationsCommand.ListOperations.class,
                OperationsCommand.Cancel.class,
                OperationsCommand.Run.class,
        })
public final class OperationsCommand extends CommandGroup {

    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Show an operation exactly as operations.get returns it.")
    static final class Describe implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        HealthcareDatasetOptions location;
        @Parameters(paramLabel = "OPERATION", description = "Operation ID or full name projects/P/locations/L/datasets/D/operations/ID.")
        String operation;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                Operation found = runtime.operations().get(location.operation(operation));
                Printer.print(CommandContext.out(spec), OperationJson.compact(found), format);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a Healthcare dataset's operations, newest first.")
    static final class ListOperations implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        HealthcareDatasetOptions location;
        @Mixin
        ListOptions list;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                List<Operation> operations = list.apply(runtime.operations().list(location.project(), location.location(),
                        location.dataset()));
                if (operations.isEmpty()) {
                    // an export of a folder belongs to its destination's project, which may not be the default one
                    ListOptions.reportEmpty(CommandContext.err(spec), location.datasetName(), "The operation of an export"
                            + " from a folder belongs to the destination table's project: list it with --project=PROJECT.");
                }
                PrintWriter out = CommandContext.out(spec);
                if (format == OutputFormat.JSON) {
                    String items = String.join(",", operations.stream().map(OperationJson::compact).toList());
                    Printer.print(out, "{\"operations\":[" + items + "]}", format);
                    return;
                }
                out.printf("%-20s %-6s %-20s %s%n", "ID", "DONE", "RESULT", "CREATE_TIME");
                for (Operation operation : operations) {
                    String result = !operation.done() ? "running"
                            : operation.error().map(error -> error.code().name()).orElse("OK");
                    out.printf("%-20s %-6s %-20s %s%n", operation.name().id(), operation.done(), result,
                            operation.metadata().createTime());
                }
                out.flush();
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a running export; it ends with CANCELLED and its destination unchanged.")
    static final class Cancel implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        HealthcareDatasetOptions location;
        @Parameters(paramLabel = "OPERATION", description = "Operation ID or full name.")
        String operation;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json (the operation once the cancellation is requested, as operations describe prints it).")
        OutputFormat format;

        @Override
        public void run() {
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                OperationName name = location.operation(operation);
                Operation after = runtime.operations().cancel(name);
                if (format == OutputFormat.JSON) {
                    Printer.print(CommandContext.out(spec), OperationJson.compact(after), format);
                    return;
                }
                CommandContext.out(spec).println(after.done()
                        ? "Operation [" + name + "] is already done; nothing to cancel."
                        : "Cancellation of operation [" + name + "] requested; it stops shortly and leaves the destination unchanged.");
            }
        }
    }

    /** The detached worker of {@code export --async}: runs one created export to its end in this process. */
    @Command(name = "run", hidden = true, mixinStandardHelpOptions = true, description = "Run a created export operation in this process (used by --async).")
    static final class Run implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "OPERATION", description = "Full operation name.")
        String operation;

        @Override
        public void run() {
            OperationName name = OperationName.parse(operation);
            // The worker's log starts with its pid, so a stuck worker can be found and stopped.
            CommandContext.out(spec).println("dicombq worker pid " + ProcessHandle.current().pid() + " runs " + name);
            CommandContext.out(spec).flush();
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                runtime.runExport().run(name);
            }
            CommandContext.out(spec).println("dicombq worker pid " + ProcessHandle.current().pid() + " finished " + name);
        }
    }
}
