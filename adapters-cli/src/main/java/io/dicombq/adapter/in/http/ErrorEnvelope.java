package io.dicombq.adapter.in.http;

import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The error body of Google's JSON APIs: {@code {"error": {"code": HTTP status, "message", "status": CODE_NAME}}}
 * (google.rpc.Status as the HTTP mapping renders it). Every error the server sends has it, its own and Jetty's.
 */
final class ErrorEnvelope {
    static final String JSON = "application/json; charset=UTF-8";

    private ErrorEnvelope() {
    }

    static String json(RpcError error) {
        return json(error.code().httpStatus(), error.code(), error.message());
    }

    /** For an HTTP status that Jetty chose (414, 431, …): the code names the status's google.rpc meaning. */
    static String json(int httpStatus, Code code, String message) {
        StringBuilder out = new StringBuilder(128 + message.length());
        JsonWriter json = JsonWriter.compact(out);
        json.beginObject().name("error").beginObject()
                .name("code").value(httpStatus)
                .name("message").value(message)
                .name("status").value(code.name())
                .endObject().endObject();
        return out.toString();
    }

    /** Sends the error as the whole response (status, JSON type, body). */
    static void send(Response response, Callback callback, RpcError error) {
        response.setStatus(error.code().httpStatus());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(json(error).getBytes(StandardCharsets.UTF_8)), callback);
    }
}
