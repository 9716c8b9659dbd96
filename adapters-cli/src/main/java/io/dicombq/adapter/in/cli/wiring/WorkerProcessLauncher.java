package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.out.ExportLauncher;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.application.port.out.WorkerId;
import io.dicombq.application.port.out.Workers;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --async}: runs the export in a detached worker JVM ({@code dicombq operations run NAME}, same java, class
 * path and tuning options), so the command can return and exit without stopping the export. The launching process stays the
 * operation's owner until the worker has claimed it, so there is no moment when nobody alive owns it (if either
 * dies, the operation is reported ABORTED).
 */
public final class WorkerProcessLauncher implements ExportLauncher {
    /** How long a worker JVM may take to start and claim its operation before the launch counts as failed. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final OperationRepository operations;
    private final Workers workers;

    private final List<String> warehouseArguments;

    public WorkerProcessLauncher(Path dataDirectory, OperationRepository operations, Workers workers) {
        this(dataDirectory, operations, workers, List.of());
    }

    /** @param warehouseArguments options the worker needs to open the same warehouse (e.g. --warehouse=bigquery) */
    public WorkerProcessLauncher(Path dataDirectory, OperationRepository operations, Workers workers,
                                 List<String> warehouseArguments) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.operations = operations;
        this.workers = workers;
        this.warehouseArguments = List.copyOf(warehouseArguments);
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
            builder.start();
            awaitClaim(operation, workerLog);
        } catch (IOException e) {
            throw new DicombqException(RpcError.of(Code.INTERNAL, "could not start the export worker process for "
                    + operation + ": " + e.getMessage()), e);
        }
    }

    /** Waits until the worker owns the operation (or it is already done); INTERNAL if no worker ever does. */
    private void awaitClaim(OperationName operation, Path workerLog) {
        WorkerId launcher = workers.current();
        Instant deadline = Instant.now().plus(CLAIM_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            OperationRepository.StoredOperation stored = operations.find(operation).orElseThrow();
            if (stored.operation().done() || !stored.owner().equals(launcher)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new DicombqException(Code.INTERNAL, "the export worker for " + operation + " did not start within "
                + CLAIM_TIMEOUT.toSeconds() + " s; see " + workerLog);
    }

    private List<String> command(OperationName operation) {
        List<String> command = new ArrayList<>();
        // setsid puts the worker in its own session, so a Ctrl-C in the terminal does not reach it.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(WorkerJvmOptions.ofThisProcess());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.dicombq.adapter.in.cli.Main");
        command.add("--data-dir=" + dataDirectory);
        command.addAll(warehouseArguments);
        command.add("operations");
        command.add("run");
        command.add(operation.toString());
        return command;
    }
}
