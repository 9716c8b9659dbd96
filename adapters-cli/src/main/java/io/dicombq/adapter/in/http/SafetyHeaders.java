package io.dicombq.adapter.in.http;

import io.dicombq.adapter.in.http.console.ConsoleHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The headers that keep a browser from framing, sniffing or scripting what the server answers, on every answer:
 * it wraps every handler, the cross-site guard's refusals included, and Jetty's own errors take them from
 * {@link JsonErrorHandler}.
 */
final class SafetyHeaders extends Handler.Wrapper {
    // the console loads its own script and style and talks to its own origin only; nothing may frame it
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    // API answers are data, never a page: nothing in them may load or run
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    SafetyHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addTo(response.getHeaders(), Request.getPathInContext(request));
        return super.handle(request, response, callback);
    }

    /** Adds the headers for an answer to {@code path} (null when the request had none Jetty could read). */
    static void addTo(HttpFields.Mutable headers, String path) {
        boolean console = path != null && path.startsWith(ConsoleHandler.PREFIX);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", console ? CONSOLE_POLICY : API_POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
    }
}
