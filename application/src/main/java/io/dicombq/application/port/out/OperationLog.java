package io.dicombq.application.port.out;

import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.operation.OperationName;

/** The per-instance error log of an operation (BEHAVIOUR 2: one JSON line per failed instance). */
public interface OperationLog {

    /** The {@code logsUrl} of the operation, where its lines can be read. */
    String url(OperationName operation);

    /** Appends one line; safe to call from several threads. */
    void append(OperationName operation, InstanceFailure failure);

    /**
     * Forgets the operation's lines, before a pass over the store that is run again logs them anew. A log that
     * keeps lines must implement it (a decorator must delegate it), or a rerun repeats the lines of the first pass.
     */
    default void clear(OperationName operation) {
    }
}
