package io.dicombq.application.service;

import io.dicombq.application.port.in.CancelOperationUseCase;
import io.dicombq.application.port.in.GetOperationUseCase;
import io.dicombq.application.port.in.ListOperationsUseCase;
import io.dicombq.application.port.out.CommitRecords;
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
import java.util.Optional;

/**
 * operations.get / list / cancel. A running operation whose worker process has died can never finish, so it is
 * settled: done with its response if the warehouse recorded its commit (it died after committing, before saying so),
 * else done with ABORTED, its destination unchanged (specification 2).
 */
public final class OperationsService implements GetOperationUseCase, ListOperationsUseCase, CancelOperationUseCase {
    private final OperationRepository operations;
    private final Workers workers;
    private final Clock clock;
    private final CommitRecords commits;

    public OperationsService(OperationRepository operations, Workers workers, Clock clock, CommitRecords commits) {
        this.operations = operations;
        this.workers = workers;
        this.clock = clock;
        this.commits = commits;
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

    /**
     * What the table holds after the export's process died. The export marks the operation just before it commits,
     * and a commit is all or nothing (docs/warehouse.md): without the mark nothing was written. After it, a warehouse
     * that records commits tells which; one that cannot (real BigQuery) leaves the user to check before a retry.
     */
    private Operation settledAfterDeath(StoredOperation stored) {
        Operation operation = stored.operation();
        String died = "The process running this export (" + stored.owner() + ") ended before the export finished";
        var counter = operation.counter();
        if (!stored.committing()) {
            String pending = counter.pending() > 0 ? ", with " + counter.pending() + " instance(s) still pending" : "";
            return aborted(operation, died + pending + ": nothing was committed, the destination table "
                    + stored.job().table() + " is unchanged. Run the export again.");
        }
        Optional<Boolean> committed = commits.committed(operation.name().toString());
        if (committed.isEmpty()) {
            return aborted(operation, died + ", while committing its " + counter.success() + " row(s) to "
                    + stored.job().table() + ": a commit is all or nothing, so the table holds either all of them or"
                    + " none. Check the table (dicombq tables describe " + stored.job().table().path()
                    + ") before running the export again.");
        }
        if (committed.get()) {
            return operation.succeededAt(clock.instant());
        }
        return aborted(operation, died + ", while committing; the commit did not happen, the destination table "
                + stored.job().table() + " is unchanged. Run the export again.");
    }

    private Operation aborted(Operation operation, String message) {
        return operation.failedAt(clock.instant(), RpcError.of(Code.ABORTED, message));
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
        Operation settled = settledAfterDeath(stored);
        operations.update(settled);
        return operations.find(operation.name()).map(StoredOperation::operation).orElse(settled);
    }
}
