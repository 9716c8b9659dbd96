package io.dicombq.application.service;

import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.status.RpcError;

import java.time.Clock;

/**
 * Publishes a running export's counters to the repository at most once per interval, and learns there whether a
 * cancel was requested (possibly by another process).
 */
public final class ExportProgress {
    private final OperationRepository operations;
    private final Clock clock;
    private final long intervalMillis;
    private Operation operation;
    private long lastPublished;
    private boolean cancelRequested;

    public ExportProgress(OperationRepository operations, Clock clock, Operation operation, long intervalMillis) {
        this.operations = operations;
        this.clock = clock;
        this.operation = operation;
        this.intervalMillis = intervalMillis;
        this.lastPublished = clock.millis();
    }

    /** Stores the counters if the interval has passed (or {@code force}), and refreshes the cancel flag. */
    public void publish(OperationCounter counter, boolean force) {
        long now = clock.millis();
        if (!force && now - lastPublished < intervalMillis) {
            return;
        }
        lastPublished = now;
        operation = operation.withCounter(counter);
        operations.update(operation);
        cancelRequested = operations.find(operation.name())
                .map(stored -> stored.operation().metadata().cancelRequested())
                .orElse(false);
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public OperationCounter counter() {
        return operation.counter();
    }

    public Operation succeed() {
        return finish(operation.succeededAt(clock.instant()));
    }

    public Operation fail(RpcError error) {
        return finish(operation.failedAt(clock.instant(), error));
    }

    private Operation finish(Operation finished) {
        operations.update(finished);
        operation = operations.find(finished.name()).map(stored -> stored.operation()).orElse(finished);
        return operation;
    }
}
