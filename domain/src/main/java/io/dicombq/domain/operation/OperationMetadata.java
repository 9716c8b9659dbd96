package io.dicombq.domain.operation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** google.cloud.healthcare.v1.OperationMetadata: what ran, when, where its log is, and its counters. */
public record OperationMetadata(String apiMethodName, Instant createTime, Optional<Instant> endTime,
                                boolean cancelRequested, String logsUrl, OperationCounter counter) {
    /** The method name the Healthcare API reports for an export to BigQuery. */
    public static final String EXPORT_METHOD = "google.cloud.healthcare.v1.dicom.DicomService.ExportDicomData_bq";

    public OperationMetadata {
        Objects.requireNonNull(apiMethodName, "apiMethodName");
        Objects.requireNonNull(createTime, "createTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(logsUrl, "logsUrl");
        Objects.requireNonNull(counter, "counter");
    }

    public OperationMetadata withCounter(OperationCounter newCounter) {
        return new OperationMetadata(apiMethodName, createTime, endTime, cancelRequested, logsUrl, newCounter);
    }

    public OperationMetadata withCancelRequested() {
        return new OperationMetadata(apiMethodName, createTime, endTime, true, logsUrl, counter);
    }

    public OperationMetadata endedAt(Instant end) {
        return new OperationMetadata(apiMethodName, createTime, Optional.of(end), cancelRequested, logsUrl, counter);
    }
}
