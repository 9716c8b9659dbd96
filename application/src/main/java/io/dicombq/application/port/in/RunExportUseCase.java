package io.dicombq.application.port.in;

import io.dicombq.domain.operation.OperationName;

/** Runs a created export operation to its end in the calling thread (a background thread or a worker process). */
public interface RunExportUseCase {
    void run(OperationName operation);
}
