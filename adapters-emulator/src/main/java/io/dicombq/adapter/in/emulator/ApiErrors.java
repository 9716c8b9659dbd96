package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;

import java.util.Map;

/**
 * Errors in Google's JSON envelope, {@code {"error":{"code","message","errors":[{"reason","message"}],"status"}}},
 * with the BigQuery {@code reason} clients branch on (BigQuery "Error messages" table).
 */
final class ApiErrors {
    private ApiErrors() {
    }

    static ApiResponse envelope(RpcError error, boolean inQuery) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode inner = body.putObject("error");
        inner.put("code", httpStatus(error.code()));
        inner.put("message", error.message());
        ObjectNode detail = inner.putArray("errors").addObject();
        detail.put("domain", "global");
        detail.put("reason", reason(error.code(), inQuery));
        detail.put("message", error.message());
        inner.put("status", error.code().name());
        return new ApiResponse(httpStatus(error.code()), body, Map.of());
    }

    /** The {@code errorResult} / {@code errors[]} entry of a failed job. */
    static ObjectNode jobError(RpcError error, boolean inQuery) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("reason", reason(error.code(), inQuery));
        entry.put("message", error.message());
        return entry;
    }

    static int httpStatus(Code code) {
        // BigQuery answers quota errors with 403, not 429.
        return code == Code.RESOURCE_EXHAUSTED ? 403 : code.httpStatus();
    }

    static String reason(Code code, boolean inQuery) {
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> inQuery ? "invalidQuery" : "invalid";
            case NOT_FOUND -> "notFound";
            case ALREADY_EXISTS -> "duplicate";
            case PERMISSION_DENIED -> "accessDenied";
            case UNAUTHENTICATED -> "unauthorized";
            case RESOURCE_EXHAUSTED -> "quotaExceeded";
            case FAILED_PRECONDITION -> "failedPrecondition";
            case ABORTED -> "aborted";
            case UNIMPLEMENTED -> "notImplemented";
            case UNAVAILABLE -> "backendError";
            case CANCELLED -> "stopped";
            case DEADLINE_EXCEEDED -> "timeout";
            case INTERNAL, UNKNOWN, DATA_LOSS, OK -> "internalError";
        };
    }
}
