package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.out.ExportLauncher;
import io.dicombq.domain.operation.OperationName;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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
    /** The exports started here and not yet ended, so a waiting command learns the end at once rather than at its next poll. */
    private final Map<OperationName, CountDownLatch> running = new ConcurrentHashMap<>();

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
        CountDownLatch ended = new CountDownLatch(1);
        running.put(operation, ended);
        executor.execute(() -> {
            try {
                runner.run(operation);
            } catch (Throwable e) {
                LOG.log(System.Logger.Level.ERROR, "export " + operation + " ended with an uncaught failure", e);
            } finally {
                running.remove(operation, ended);
                ended.countDown();
            }
        });
    }

    /**
     * Waits up to {@code millis} for the export of {@code operation} to end, returning as soon as it does; false at once
     * when no export of it runs here.
     */
    public boolean awaitEnd(OperationName operation, long millis) throws InterruptedException {
        CountDownLatch ended = running.get(operation);
        if (ended == null) {
            return false;
        }
        ended.await(millis, TimeUnit.MILLISECONDS);
        return true;
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
