package io.dicombq.application.port.out;

import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.operation.OperationName;

/** The per-instance error log of an operation (BEHAVIOUR 2: one JSON line per failed instance). */
public interface OperationLog {

    /** The {@code logsUrl} of the operation, where its lines can be read. */
    String url(OperationName operation);

    /** Appends one line; safe to call from several threads. */
    void append(OperationName operation, InstanceFailure failure);
}
