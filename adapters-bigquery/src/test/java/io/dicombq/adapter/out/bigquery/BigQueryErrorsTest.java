package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.JobInfo.WriteDisposition;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class BigQueryErrorsTest {

    @Test
    void theReasonDecidesTheCodeAndTheMessageIsKept() {
        BigQueryException denied = new BigQueryException(403, "Access Denied: Dataset p:ds",
                new BigQueryError("accessDenied", "", "Access Denied: Dataset p:ds"));

        var error = BigQueryErrors.fromException(denied, "reading table bq://p.ds.t");

        assertThat(error.code()).isEqualTo(Code.PERMISSION_DENIED);
        assertThat(error.getMessage()).contains("reading table bq://p.ds.t").contains("Access Denied: Dataset p:ds");
    }

    @Test
    void quotaNotFoundAndDuplicateMapToTheirCanonicalCodes() {
        assertThat(BigQueryErrors.code("quotaExceeded", 403)).isEqualTo(Code.RESOURCE_EXHAUSTED);
        assertThat(BigQueryErrors.code("rateLimitExceeded", 403)).isEqualTo(Code.RESOURCE_EXHAUSTED);
        assertThat(BigQueryErrors.code("notFound", 404)).isEqualTo(Code.NOT_FOUND);
        assertThat(BigQueryErrors.code("duplicate", 409)).isEqualTo(Code.ALREADY_EXISTS);
        assertThat(BigQueryErrors.code("invalidQuery", 400)).isEqualTo(Code.INVALID_ARGUMENT);
    }

    @Test
    void withoutAKnownReasonTheHttpStatusDecides() {
        assertThat(BigQueryErrors.code(null, 404)).isEqualTo(Code.NOT_FOUND);
        assertThat(BigQueryErrors.code("somethingNew", 429)).isEqualTo(Code.RESOURCE_EXHAUSTED);
        assertThat(BigQueryErrors.code(null, 500)).isEqualTo(Code.INTERNAL);
    }

    @Test
    void anUnansweredRequestIsUnavailable() {
        var error = BigQueryErrors.fromException(new BigQueryException(new IOException("Connection refused")), "x");

        assertThat(error.code()).isEqualTo(Code.UNAVAILABLE);
        assertThat(error.getMessage()).contains("--bigquery-endpoint");
    }

    @Test
    void eachPlanFillsTheDestinationWithTheDispositionThatKeepsItsPromise() {
        assertThat(BigQueryStagedWrite.destinationDisposition(WritePlan.CREATE)).isEqualTo(WriteDisposition.WRITE_EMPTY);
        assertThat(BigQueryStagedWrite.destinationDisposition(WritePlan.WRITE_INTO_EMPTY)).isEqualTo(WriteDisposition.WRITE_EMPTY);
        assertThat(BigQueryStagedWrite.destinationDisposition(WritePlan.OVERWRITE)).isEqualTo(WriteDisposition.WRITE_TRUNCATE);
        assertThat(BigQueryStagedWrite.destinationDisposition(WritePlan.TRUNCATE_THEN_WRITE)).isEqualTo(WriteDisposition.WRITE_TRUNCATE);
        assertThat(BigQueryStagedWrite.destinationDisposition(WritePlan.APPEND)).isEqualTo(WriteDisposition.WRITE_APPEND);
    }
}
