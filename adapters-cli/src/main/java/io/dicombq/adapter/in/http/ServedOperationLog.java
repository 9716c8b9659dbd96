package io.dicombq.adapter.in.http;

import io.dicombq.application.port.out.OperationLog;
import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.operation.OperationName;

import java.net.URI;

/** An operation log whose {@code logsUrl} is this HTTP server's {@code /logs/…} page for the operation. */
public final class ServedOperationLog implements OperationLog {
    private final OperationLog delegate;
    private final URI serverUri;

    public ServedOperationLog(OperationLog delegate, URI serverUri) {
        this.delegate = delegate;
        this.serverUri = serverUri;
    }

    public static String logsUrl(URI serverUri, OperationName operation) {
        return serverUri + ApiRoute.LOGS_PREFIX + operation;
    }

    @Override
    public String url(OperationName operation) {
        return logsUrl(serverUri, operation);
    }

    @Override
    public void append(OperationName operation, InstanceFailure failure) {
        delegate.append(operation, failure);
    }

    @Override
    public void clear(OperationName operation) {
        delegate.clear(operation);
    }
}
