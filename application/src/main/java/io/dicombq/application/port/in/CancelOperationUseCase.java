package io.dicombq.application.port.in;

import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;

/**
 * operations.cancel: asks the running export to stop; it then ends with CANCELLED and the destination unchanged.
 * Cancelling a finished operation changes nothing.
 */
public interface CancelOperationUseCase {
    Operation cancel(OperationName name);
}
