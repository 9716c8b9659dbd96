package io.dicombq.application.port.in;

import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;

/** operations.get: NOT_FOUND for an unknown name; an operation whose worker died is reported ABORTED. */
public interface GetOperationUseCase {
    Operation get(OperationName name);
}
