package io.dicombq.adapter.in.http;

import io.dicombq.domain.operation.OperationName;

/** Reads an operation's per-instance error log (JSON lines, BEHAVIOUR 2); an operation without failures has none. */
@FunctionalInterface
public interface OperationLogReader {

    /** The log's bytes, empty when nothing was logged. */
    byte[] read(OperationName operation);
}
