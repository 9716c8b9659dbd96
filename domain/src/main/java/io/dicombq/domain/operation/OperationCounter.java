package io.dicombq.domain.operation;

/** Instances exported, failed and still to do (OperationMetadata.counter, specification 2). */
public record OperationCounter(long success, long failure, long pending) {
    public OperationCounter {
        if (success < 0 || failure < 0 || pending < 0) {
            throw new IllegalArgumentException("counters cannot be negative: " + success + "/" + failure + "/" + pending);
        }
    }

    public static OperationCounter zero() {
        return new OperationCounter(0, 0, 0);
    }

    public boolean isZero() {
        return success == 0 && failure == 0 && pending == 0;
    }
}
