package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/** What a subcommand needs from the command line it runs in: its output streams and the runtime. */
final class CommandContext {
    private CommandContext() {
    }

    static WarehouseOptions warehouseOptions(CommandSpec spec) {
        return ((DicombqCommand) spec.root().userObject()).warehouse;
    }

    static DicombqRuntime openRuntime(CommandSpec spec) {
        return warehouseOptions(spec).openRuntime();
    }

    /** The runtime of a command that writes into the warehouse: it is opened at once (WarehouseOptions). */
    static DicombqRuntime openRuntimeToWrite(CommandSpec spec) {
        return warehouseOptions(spec).openRuntimeToWrite();
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    static PrintWriter err(CommandSpec spec) {
        return spec.commandLine().getErr();
    }
}
