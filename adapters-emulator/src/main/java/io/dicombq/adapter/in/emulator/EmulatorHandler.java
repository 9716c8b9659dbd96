package io.dicombq.adapter.in.emulator;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.zip.GZIPInputStream;

/** The Jetty side of the emulator: decodes requests, dispatches them to a route, encodes answers and errors. */
final class EmulatorHandler extends Handler.Abstract {
    private final List<Route> routes;

    EmulatorHandler(List<Route> routes) {
        super(InvocationType.BLOCKING);
        this.routes = List.copyOf(routes);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ApiResponse answer;
        boolean inQuery = request.getHttpURI().getDecodedPath().contains("/queries");
        try {
            answer = dispatch(read(request));
        } catch (DicombqException e) {
            answer = ApiErrors.envelope(e.error(), inQuery);
        } catch (RuntimeException | IOException e) {
            answer = ApiErrors.envelope(RpcError.of(Code.INTERNAL, "the emulator failed: " + e), inQuery);
        }
        write(answer, response, callback);
        return true;
    }

    private ApiResponse dispatch(ApiRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (matcher.matches()) {
                pathKnown = true;
                if (route.method().equals(request.method())) {
                    return route.endpoint().handle(request.withPathParts(matcher));
                }
            }
        }
        // Never answer an unknown call with success: a client must learn the emulator cannot do it.
        throw new DicombqException(Code.UNIMPLEMENTED, (pathKnown ? "method " : "")
                + request.method() + " " + request.path() + " is not supported by the dicombq BigQuery emulator;"
                + " see docs/bigquery.md for the endpoints it serves");
    }

    private static ApiRequest read(Request request) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.put(field.getName().toLowerCase(Locale.ROOT), field.getValue());
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            // The client gzips its JSON bodies (datasets.insert, tables.insert, insertAll, jobs.insert, jobs.query).
            body = "gzip".equalsIgnoreCase(headers.get("content-encoding"))
                    ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields parameters = Request.extractQueryParameters(request);
        for (Fields.Field field : parameters) {
            query.put(field.getName(), field.getValues());
        }
        String host = headers.getOrDefault("host",
                Request.getServerName(request) + ":" + Request.getServerPort(request));
        // google-http-client sends PATCH as a POST carrying the real verb in this header.
        String method = headers.getOrDefault("x-http-method-override", request.getMethod());
        return new ApiRequest(method, request.getHttpURI().getDecodedPath(), query, headers, body,
                "http://" + host, null);
    }

    private static void write(ApiResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.body() == null) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        byte[] bytes = WireJson.write(answer.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=UTF-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
