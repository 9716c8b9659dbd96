package io.dicombq.adapter.in.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dicombq bench …}: reproducible throughput measurements; each subcommand measures one stage. */
@Command(name = "bench",
        description = "Measure throughput (figures go to docs/BENCHMARKS.md).",
        subcommands = {BenchParseCommand.class, BenchMapCommand.class, BenchExportCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
