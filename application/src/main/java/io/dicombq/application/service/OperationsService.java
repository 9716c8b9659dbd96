package io.dicombq.application.service;

import io.dicombq.application.port.in.CancelOperationUseCase;
import io.dicombq.application.port.in.GetOperationUseCase;
import io.dicombq.application.port.in.ListOperationsUseCase;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.application.port.out.OperationRepository.StoredOperation;
import io.dicombq.application.port.out.Workers;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * operations.get / list / cancel. A running operation whose worker process has died can never finish, so it is
 * reported (and stored) as done with ABORTED; its staged rows were never committed, so the destination is unchanged.
 */
public final class OperationsService implements GetOperationUseCase, ListOperationsUseCase, CancelOperationUseCase {
    private final OperationRepository operations;
    private final Workers workers;
    private final Clock clock;

    public OperationsService(OperationRepository operations, Workers workers, Clock clock) {
        this.operations = operations;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public Operation get(OperationName name) {
        return settled(find(name));
    }

    @Override
    public List<Operation> list(String project, String location, String dataset) {
        List<Operation> result = new ArrayList<>();
        for (StoredOperation stored : operations.list(project, location, dataset)) {
            result.add(settled(stored));
        }
        return result;
    }

    @Override
    public Operation cancel(OperationName name) {
        find(name);
        operations.requestCancel(name);
        return get(name);
    }

    private StoredOperation find(OperationName name) {
        return operations.find(name).orElseThrow(() -> new DicombqException(Code.NOT_FOUND, "Operation " + name
                + " not found; list the dataset's operations with dicombq operations list"));
    }

    private Operation settled(StoredOperation stored) {
        Operation operation = stored.operation();
        if (operation.done() || workers.isAlive(stored.owner())) {
            return operation;
        }
        Operation aborted = operation.failedAt(clock.instant(), RpcError.of(Code.ABORTED, "The process running this"
                + " export (" + stored.owner() + ") ended before the export finished; the destination table "
                + stored.job().table() + " is unchanged. Run the export again."));
        operations.update(aborted);
        return operations.find(operation.name()).map(StoredOperation::operation).orElse(aborted);
    }
}
