package io.dicombq.domain.operation;

import io.dicombq.domain.status.RpcError;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A long-running operation (google.longrunning.Operation, specification 2). While running it has no result; once
 * done it has exactly one of an error or the (empty) export response, and an end time.
 */
public record Operation(OperationName name, boolean done, Optional<RpcError> error, OperationMetadata metadata) {
    public Operation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(metadata, "metadata");
        if (!done && error.isPresent()) {
            throw new IllegalArgumentException("a running operation has no error yet: " + name);
        }
        if (done != metadata.endTime().isPresent()) {
            throw new IllegalArgumentException("an operation has an end time exactly when it is done: " + name);
        }
    }

    /** A new export operation, not started yet: counters zero, no end time. */
    public static Operation started(OperationName name, Instant createTime, String logsUrl) {
        OperationMetadata metadata = new OperationMetadata(OperationMetadata.EXPORT_METHOD, createTime,
                Optional.empty(), false, logsUrl, OperationCounter.zero());
        return new Operation(name, false, Optional.empty(), metadata);
    }

    /** Whether it finished without error (the response is the export response). */
    public boolean succeeded() {
        return done && error.isEmpty();
    }

    public OperationCounter counter() {
        return metadata.counter();
    }

    public Operation withCounter(OperationCounter counter) {
        return new Operation(name, done, error, metadata.withCounter(counter));
    }

    public Operation withCancelRequested() {
        return new Operation(name, done, error, metadata.withCancelRequested());
    }

    public Operation succeededAt(Instant end) {
        return new Operation(name, true, Optional.empty(), finalMetadata(end));
    }

    public Operation failedAt(Instant end, RpcError failure) {
        return new Operation(name, true, Optional.of(failure), finalMetadata(end));
    }

    /** Once done, nothing is pending any more: what was not exported by then never will be (specification 2 counters). */
    private OperationMetadata finalMetadata(Instant end) {
        OperationCounter counter = metadata.counter();
        return metadata.withCounter(new OperationCounter(counter.success(), counter.failure(), 0)).endedAt(end);
    }
}
