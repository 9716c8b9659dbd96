package io.dicombq.application.port.out;

import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.operation.OperationName;

/** The per-instance error log of an operation (specification 2: one JSON line per failed instance). */
public interface OperationLog {

    /** The {@code logsUrl} of the operation, where its lines can be read. */
    String url(OperationName operation);

    /** Appends one line; safe to call from several threads. */
    void append(OperationName operation, InstanceFailure failure);

    /**
     * Forgets the operation's lines, before a pass over the store that is run again logs them anew (otherwise a
     * rerun would repeat the lines of the first pass). Abstract on purpose: a decorator must not forget to delegate it.
     */
    void clear(OperationName operation);
}
