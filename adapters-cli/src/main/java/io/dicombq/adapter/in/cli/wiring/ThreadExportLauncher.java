package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.out.ExportLauncher;
import io.dicombq.domain.operation.OperationName;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs exports on background threads of this process (the waiting CLI and the HTTP server). If the process dies,
 * its running operations are later reported ABORTED. The runner must end its operation whatever happens
 * ({@link io.dicombq.application.service.GuardedExportRun}); what still escapes it is logged, never lost silently.
 */
public final class ThreadExportLauncher implements ExportLauncher, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ThreadExportLauncher.class.getName());

    private final RunExportUseCase runner;
    private final ExecutorService executor;

    public ThreadExportLauncher(RunExportUseCase runner, int concurrentExports) {
        this.runner = runner;
        this.executor = Executors.newFixedThreadPool(concurrentExports, task -> {
            Thread thread = new Thread(task, "dicombq-export");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void launch(OperationName operation) {
        executor.execute(() -> {
            try {
                runner.run(operation);
            } catch (Throwable e) {
                LOG.log(System.Logger.Level.ERROR, "export " + operation + " ended with an uncaught failure", e);
            }
        });
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
