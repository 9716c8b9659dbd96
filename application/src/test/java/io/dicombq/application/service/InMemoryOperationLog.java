package io.dicombq.application.service;

import io.dicombq.application.port.out.OperationLog;
import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.operation.OperationName;

import java.util.ArrayList;
import java.util.List;

/** The per-instance error log in memory; counts its clears, since a rerun must start it anew. */
final class InMemoryOperationLog implements OperationLog {
    private final List<InstanceFailure> lines = new ArrayList<>();
    private int clears;

    @Override
    public String url(OperationName operation) {
        return "memory://" + operation;
    }

    @Override
    public synchronized void append(OperationName operation, InstanceFailure failure) {
        lines.add(failure);
    }

    @Override
    public synchronized void clear(OperationName operation) {
        lines.clear();
        clears++;
    }

    synchronized List<InstanceFailure> lines() {
        return List.copyOf(lines);
    }

    synchronized int clears() {
        return clears;
    }
}
