package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.status.Code;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * At most one load job running beside the export, so that BigQuery (or the emulator, on the other core) loads one
 * segment of the spool while the export reads the next.
 */
final class LoadInFlight {
    private final Executor executor;
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    LoadInFlight(Executor executor) {
        this.executor = executor;
    }

    /** Whether no load is running (the last one may have failed: {@link #await} says). */
    boolean idle() {
        return running.isDone();
    }

    /** Runs {@code load} in the background; call only when {@link #idle}. */
    void start(Runnable load) {
        running = CompletableFuture.runAsync(load, executor);
    }

    /** Waits for the load in flight and throws its failure, if it failed. */
    void await(String doing) {
        try {
            running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BigQueryErrors.failure(Code.CANCELLED, "interrupted while " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw BigQueryErrors.failure(Code.INTERNAL, e.getCause() + " while " + doing, e.getCause());
        }
    }
}
