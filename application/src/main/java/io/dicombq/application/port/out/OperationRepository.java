package io.dicombq.application.port.out;

import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;

import java.util.List;
import java.util.Optional;

/**
 * Where long-running operations live, with the export each one runs, so that they survive the process and can be
 * read, listed and cancelled from another process. Each running operation records the worker that owns it.
 */
public interface OperationRepository {

    /** Stores a new operation with its export, owned by {@code owner}; ALREADY_EXISTS if the name is taken. */
    void create(Operation operation, ExportJob job, WorkerId owner);

    /** Replaces the operation's state (counters, done, error); the export and the owner stay. */
    void update(Operation operation);

    /** Marks the operation as cancel-requested unless it is already done; returns what is stored afterwards. */
    Optional<Operation> requestCancel(OperationName name);

    /**
     * Records that the export is about to commit its rows: until then a process that dies leaves the destination
     * unchanged; from then on the table holds all of them or none (a commit is all or nothing).
     */
    void markCommitting(OperationName name);

    /** Makes {@code owner} the worker responsible for the operation (e.g. a detached worker process taking over). */
    void transferOwnership(OperationName name, WorkerId owner);

    Optional<StoredOperation> find(OperationName name);

    /** The operations of one Healthcare dataset ({@code projects/P/locations/L/datasets/D}), newest first. */
    List<StoredOperation> list(String project, String location, String dataset);

    /** An operation together with its export, the worker that owns it while it runs, and whether it began committing. */
    record StoredOperation(Operation operation, ExportJob job, WorkerId owner, boolean committing) {
    }
}
