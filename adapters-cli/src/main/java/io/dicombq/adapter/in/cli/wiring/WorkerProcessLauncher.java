package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.h2.operation.ProcessWorkers;
import io.dicombq.application.port.out.ExportLauncher;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --async}: runs the export in a detached worker JVM ({@code dicombq operations run NAME}, same java and
 * class path), so the command can return at once and exit without stopping the export. The worker becomes the
 * operation's owner; if it dies, the operation is reported ABORTED.
 */
public final class WorkerProcessLauncher implements ExportLauncher {
    private final Path dataDirectory;
    private final OperationRepository operations;

    public WorkerProcessLauncher(Path dataDirectory, OperationRepository operations) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.operations = operations;
    }

    @Override
    public void launch(OperationName operation) {
        Path workerLog = dataDirectory.resolve("operation-logs").resolve(operation.id() + ".worker.log");
        try {
            Files.createDirectories(workerLog.getParent());
            ProcessBuilder builder = new ProcessBuilder(command(operation))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workerLog.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process worker = builder.start();
            operations.transferOwnership(operation, ProcessWorkers.of(worker.toHandle()));
        } catch (IOException e) {
            throw new DicombqException(RpcError.of(Code.INTERNAL, "could not start the export worker process for "
                    + operation + ": " + e.getMessage()), e);
        }
    }

    private List<String> command(OperationName operation) {
        List<String> command = new ArrayList<>();
        // setsid puts the worker in its own session, so a Ctrl-C in the terminal does not reach it.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.dicombq.adapter.in.cli.Main");
        command.add("--data-dir=" + dataDirectory);
        command.add("operations");
        command.add("run");
        command.add(operation.toString());
        return command;
    }
}
