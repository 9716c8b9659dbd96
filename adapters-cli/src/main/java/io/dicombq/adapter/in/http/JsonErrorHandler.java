package io.dicombq.adapter.in.http;

import io.dicombq.domain.status.Code;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own errors (an ambiguous or too long URI, headers too large, a request it cannot parse) in Google's
 * envelope instead of Jetty's HTML page, so that a client reads every error of the server the same way, with the
 * headers every answer carries ({@link SafetyHeaders}).
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ErrorEnvelope.JSON);
        SafetyHeaders.addTo(response.getHeaders(), Request.getPathInContext(request));
        response.write(true, ByteBuffer.wrap(body(status, message)), callback);
    }

    // HTTP/1 messages too broken to become a request are answered here, before any handler runs
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ErrorEnvelope.JSON));
        SafetyHeaders.addTo(fields, null);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String jettyMessage) {
        String what = jettyMessage == null || jettyMessage.isBlank() ? HttpStatus.getMessage(status) : jettyMessage;
        return ErrorEnvelope.json(status, Code.ofHttpStatus(status), what + hint(status)).getBytes(StandardCharsets.UTF_8);
    }

    private static String hint(int status) {
        return switch (status) {
            case 414, 431 -> " (HTTP " + status + "): the request line and headers are limited to "
                    + HealthcareApiServer.MAX_URI_AND_HEADERS / 1024 + " KiB; see docs/http-api.md";
            case 400 -> " (HTTP 400): the request is not valid HTTP or its URI is ambiguous (encoded '/', '..' or"
                    + " empty segments); send each resource ID as one plain path segment";
            default -> " (HTTP " + status + ")";
        };
    }
}
