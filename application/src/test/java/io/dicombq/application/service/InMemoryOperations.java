package io.dicombq.application.service;

import io.dicombq.application.port.out.ExportJob;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.application.port.out.WorkerId;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link OperationRepository} in a map, with the same rules as the H2 one (a done operation is not cancelled). */
final class InMemoryOperations implements OperationRepository {
    private final Map<OperationName, StoredOperation> stored = new LinkedHashMap<>();

    @Override
    public synchronized void create(Operation operation, ExportJob job, WorkerId owner) {
        if (stored.containsKey(operation.name())) {
            throw new DicombqException(Code.ALREADY_EXISTS, "operation " + operation.name() + " exists");
        }
        stored.put(operation.name(), new StoredOperation(operation, job, owner, false));
    }

    @Override
    public synchronized void update(Operation operation) {
        StoredOperation before = require(operation.name());
        // the cancel flag is the repository's: a worker's update must not clear a request made meanwhile
        Operation kept = before.operation().metadata().cancelRequested() && !operation.metadata().cancelRequested()
                ? operation.withCancelRequested() : operation;
        stored.put(operation.name(), new StoredOperation(kept, before.job(), before.owner(), before.committing()));
    }

    @Override
    public synchronized Optional<Operation> requestCancel(OperationName name) {
        StoredOperation before = stored.get(name);
        if (before == null) {
            return Optional.empty();
        }
        if (!before.operation().done()) {
            stored.put(name, new StoredOperation(before.operation().withCancelRequested(), before.job(), before.owner(), before.committing()));
        }
        return Optional.of(stored.get(name).operation());
    }

    @Override
    public synchronized void markCommitting(OperationName name) {
        StoredOperation before = require(name);
        stored.put(name, new StoredOperation(before.operation(), before.job(), before.owner(), true));
    }

    @Override
    public synchronized void transferOwnership(OperationName name, WorkerId owner) {
        StoredOperation before = require(name);
        stored.put(name, new StoredOperation(before.operation(), before.job(), owner, before.committing()));
    }

    @Override
    public synchronized Optional<StoredOperation> find(OperationName name) {
        return Optional.ofNullable(stored.get(name));
    }

    @Override
    public synchronized List<StoredOperation> list(String project, String location, String dataset) {
        List<StoredOperation> result = new ArrayList<>();
        for (StoredOperation operation : stored.values()) {
            OperationName name = operation.operation().name();
            if (name.project().equals(project) && name.location().equals(location) && name.dataset().equals(dataset)) {
                result.add(0, operation);
            }
        }
        return result;
    }

    synchronized Operation operation(OperationName name) {
        return require(name).operation();
    }

    private StoredOperation require(OperationName name) {
        StoredOperation operation = stored.get(name);
        if (operation == null) {
            throw new DicombqException(Code.NOT_FOUND, "operation " + name + " not found");
        }
        return operation;
    }
}
