package io.dicombq.application.port.out;

import io.dicombq.domain.operation.OperationName;

/**
 * Starts running a created export operation in the background: on a thread of this process, or in a detached
 * worker process that outlives the command that started it.
 */
public interface ExportLauncher {
    void launch(OperationName operation);
}
