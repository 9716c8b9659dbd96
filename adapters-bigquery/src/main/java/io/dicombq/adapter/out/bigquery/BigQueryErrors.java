package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.util.Locale;

/**
 * Maps BigQuery's errors to google.rpc codes. The error {@code reason} (BigQuery "Error messages" table) is
 * the precise signal; the HTTP status is the fallback when a reason is missing or unknown.
 */
final class BigQueryErrors {
    private BigQueryErrors() {
    }

    static DicombqException failure(Code code, String message) {
        return new DicombqException(code, message);
    }

    static DicombqException failure(Code code, String message, Throwable cause) {
        return new DicombqException(RpcError.of(code, message), cause);
    }

    /** A failed API call or job (the client throws a job's error too), passed through with BigQuery's message. */
    static DicombqException fromException(BigQueryException e, String doing) {
        BigQueryError error = e.getError();
        if (e.getCode() == 0 && (error == null || error.getReason() == null)) {
            // No HTTP status at all: the request never got an answer (refused connection, DNS, TLS).
            return BigQueryErrors.failure(Code.UNAVAILABLE, "cannot reach BigQuery while " + doing + ": "
                    + e.getMessage() + "; check the network, or --bigquery-endpoint when using an emulator", e);
        }
        String reason = error == null ? null : error.getReason();
        return failure(code(reason, e.getCode()), "BigQuery refused " + doing + ": " + e.getMessage(), e);
    }

    /** A job that ran and failed; jobs report their error as a result rather than an HTTP status. */
    static DicombqException fromJobError(BigQueryError error, String doing) {
        return new DicombqException(code(error.getReason(), 0), "BigQuery job failed while " + doing + ": "
                + error.getMessage() + (error.getReason() == null ? "" : " (reason " + error.getReason() + ")"));
    }

    static Code code(String reason, int httpStatus) {
        if (reason != null) {
            Code byReason = byReason(reason.toLowerCase(Locale.ROOT));
            if (byReason != null) {
                return byReason;
            }
        }
        return byHttpStatus(httpStatus);
    }

    private static Code byReason(String reason) {
        return switch (reason) {
            case "accessdenied", "billingnotenabled" -> Code.PERMISSION_DENIED;
            case "notfound" -> Code.NOT_FOUND;
            case "duplicate" -> Code.ALREADY_EXISTS;
            case "quotaexceeded", "ratelimitexceeded", "resourcesexceeded", "billingtierlimitexceeded" ->
                    Code.RESOURCE_EXHAUSTED;
            case "invalid", "invalidquery", "responsetoolarge", "required" -> Code.INVALID_ARGUMENT;
            case "resourceinuse", "failedprecondition" -> Code.FAILED_PRECONDITION;
            case "backenderror" -> Code.UNAVAILABLE;
            case "internalerror" -> Code.INTERNAL;
            case "notimplemented" -> Code.UNIMPLEMENTED;
            case "stopped" -> Code.CANCELLED;
            case "timeout" -> Code.DEADLINE_EXCEEDED;
            case "unauthorized", "autherror" -> Code.UNAUTHENTICATED;
            default -> null;
        };
    }

    private static Code byHttpStatus(int status) {
        return switch (status) {
            case 400 -> Code.INVALID_ARGUMENT;
            case 401 -> Code.UNAUTHENTICATED;
            case 403 -> Code.PERMISSION_DENIED;
            case 404 -> Code.NOT_FOUND;
            case 409 -> Code.ALREADY_EXISTS;
            case 412 -> Code.FAILED_PRECONDITION;
            case 429 -> Code.RESOURCE_EXHAUSTED;
            case 499 -> Code.CANCELLED;
            case 501 -> Code.UNIMPLEMENTED;
            case 503 -> Code.UNAVAILABLE;
            case 504 -> Code.DEADLINE_EXCEEDED;
            default -> status >= 400 && status < 500 ? Code.FAILED_PRECONDITION : Code.INTERNAL;
        };
    }
}
