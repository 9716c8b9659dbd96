package io.dicombq.domain.operation;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationJsonTest {
    private static final OperationName NAME = OperationName.parse("projects/my-project/locations/us/datasets/d/operations/42");
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123Z");
    private static final Instant ENDED = Instant.parse("2026-01-02T03:04:09Z");

    @Test
    void aRunningOperationHasNoDoneNoResultAndOmitsZeroCounters() {
        Operation running = Operation.started(NAME, CREATED, "file:///tmp/log.jsonl")
                .withCounter(new OperationCounter(3, 0, 7));

        assertThat(OperationJson.compact(running)).isEqualTo("{\"name\":\"projects/my-project/locations/us/datasets/d/operations/42\","
                + "\"metadata\":{\"@type\":\"type.googleapis.com/google.cloud.healthcare.v1.OperationMetadata\","
                + "\"apiMethodName\":\"google.cloud.healthcare.v1.dicom.DicomService.ExportDicomData_bq\","
                + "\"createTime\":\"2026-01-02T03:04:05.123Z\",\"logsUrl\":\"file:///tmp/log.jsonl\","
                + "\"counter\":{\"success\":\"3\",\"pending\":\"7\"}}}");
    }

    @Test
    void aSucceededOperationHasTheExportResponseAndEndTime() {
        Operation done = Operation.started(NAME, CREATED, "file:///l").withCounter(new OperationCounter(10, 2, 0)).succeededAt(ENDED);

        assertThat(OperationJson.compact(done)).isEqualTo("{\"name\":\"projects/my-project/locations/us/datasets/d/operations/42\","
                + "\"metadata\":{\"@type\":\"type.googleapis.com/google.cloud.healthcare.v1.OperationMetadata\","
                + "\"apiMethodName\":\"google.cloud.healthcare.v1.dicom.DicomService.ExportDicomData_bq\","
                + "\"createTime\":\"2026-01-02T03:04:05.123Z\",\"endTime\":\"2026-01-02T03:04:09Z\",\"logsUrl\":\"file:///l\","
                + "\"counter\":{\"success\":\"10\",\"failure\":\"2\"}},"
                + "\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/google.protobuf.Empty\"}}");
    }

    @Test
    void aCancelledOperationHasTheErrorWithItsNumericCodeAndCancelRequested() {
        Operation cancelled = Operation.started(NAME, CREATED, "file:///l").withCancelRequested()
                .failedAt(ENDED, RpcError.of(Code.CANCELLED, "the export was cancelled"));

        String json = OperationJson.compact(cancelled);

        assertThat(json).contains("\"cancelRequested\":true")
                .endsWith("\"done\":true,\"error\":{\"code\":1,\"message\":\"the export was cancelled\"}}")
                .doesNotContain("response").doesNotContain("counter");
    }

    @Test
    void refusesInconsistentStates() {
        Operation running = Operation.started(NAME, CREATED, "file:///l");
        assertThatThrownBy(() -> new Operation(NAME, false, java.util.Optional.of(RpcError.of(Code.INTERNAL, "x")), running.metadata()))
                .hasMessageContaining("running operation has no error");
        assertThatThrownBy(() -> new Operation(NAME, true, java.util.Optional.empty(), running.metadata()))
                .hasMessageContaining("end time exactly when it is done");
        assertThatThrownBy(() -> new OperationCounter(-1, 0, 0)).hasMessageContaining("negative");
    }
}
