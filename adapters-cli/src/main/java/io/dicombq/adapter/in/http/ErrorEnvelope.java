package io.dicombq.adapter.in.http;

import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.status.RpcError;

/**
 * The error body of Google's JSON APIs: {@code {"error": {"code": HTTP status, "message", "status": CODE_NAME}}}
 * (google.rpc.Status as the HTTP mapping renders it).
 */
final class ErrorEnvelope {
    private ErrorEnvelope() {
    }

    static String json(RpcError error) {
        StringBuilder out = new StringBuilder(128 + error.message().length());
        JsonWriter json = JsonWriter.compact(out);
        json.beginObject().name("error").beginObject()
                .name("code").value(error.code().httpStatus())
                .name("message").value(error.message())
                .name("status").value(error.code().name())
                .endObject().endObject();
        return out.toString();
    }
}
