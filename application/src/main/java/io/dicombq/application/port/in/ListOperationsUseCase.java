package io.dicombq.application.port.in;

import io.dicombq.domain.operation.Operation;

import java.util.List;

/** operations.list for one Healthcare dataset, newest first. */
public interface ListOperationsUseCase {
    List<Operation> list(String project, String location, String dataset);
}
