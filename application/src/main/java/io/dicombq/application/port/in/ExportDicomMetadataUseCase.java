package io.dicombq.application.port.in;

import io.dicombq.domain.operation.Operation;

/**
 * dicomStores.export to BigQuery: validates the request synchronously (specification 1.1; nothing is created on
 * error), creates the long-running operation and starts it in the background.
 */
public interface ExportDicomMetadataUseCase {

    /** The created operation, not done yet. Invalid requests throw a DicombqException and create nothing. */
    Operation export(ExportRequest request);
}
