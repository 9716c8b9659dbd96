package io.dicombq.adapter.in.http;

import io.dicombq.application.port.in.CancelOperationUseCase;
import io.dicombq.application.port.in.ExportDicomMetadataUseCase;
import io.dicombq.application.port.in.GetOperationUseCase;
import io.dicombq.application.port.in.ListOperationsUseCase;
import io.dicombq.application.port.in.ManageDicomStoresUseCase;

import java.util.Objects;

/** The use cases the HTTP API serves, plus where an operation's log lines are read. */
public record HealthcareApi(ExportDicomMetadataUseCase export, GetOperationUseCase getOperation,
                            ListOperationsUseCase listOperations, CancelOperationUseCase cancelOperation,
                            ManageDicomStoresUseCase stores, OperationLogReader logs) {
    public HealthcareApi {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(getOperation, "getOperation");
        Objects.requireNonNull(listOperations, "listOperations");
        Objects.requireNonNull(cancelOperation, "cancelOperation");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(logs, "logs");
    }
}
