package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.out.ExportLauncher;
import io.dicombq.domain.operation.OperationName;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs exports on background threads of this process (the waiting CLI and the HTTP server). If the process dies,
 * its running operations are later reported ABORTED.
 */
public final class ThreadExportLauncher implements ExportLauncher, AutoCloseable {
    private final Supplier<RunExportUseCase> runner;
    private final ExecutorService executor;

    public ThreadExportLauncher(Supplier<RunExportUseCase> runner, int concurrentExports) {
        this.runner = runner;
        this.executor = Executors.newFixedThreadPool(concurrentExports, task -> {
            Thread thread = new Thread(task, "dicombq-export");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void launch(OperationName operation) {
        executor.execute(() -> runner.get().run(operation));
    }

    /** Waits a little for running exports; a cancel request should come first. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
