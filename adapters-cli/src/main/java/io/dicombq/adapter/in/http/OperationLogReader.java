package io.dicombq.adapter.in.http;

import io.dicombq.domain.operation.OperationName;

import java.io.InputStream;

/** Reads an operation's per-instance error log (JSON lines, specification 2); an operation without failures has none. */
@FunctionalInterface
public interface OperationLogReader {

    /** The log from its first line, streamed (it has one line per failed instance); empty when nothing was logged. */
    InputStream open(OperationName operation);
}
