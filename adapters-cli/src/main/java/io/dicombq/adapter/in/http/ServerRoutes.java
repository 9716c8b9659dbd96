package io.dicombq.adapter.in.http;

import io.dicombq.adapter.in.http.console.ConsoleHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Optional;

/**
 * Everything {@code dicombq serve} answers on one origin: {@code /} redirects to the web console, {@code /console/}
 * serves it, {@code /bigquery/…} the BigQuery REST API when it is mounted, anything else the Healthcare API.
 * Every response carries the headers that keep a browser from framing, sniffing or scripting what it gets.
 */
final class ServerRoutes extends Handler.Abstract {
    /** The BigQuery REST API's paths (BigQuery's own: {@code /bigquery/v2/projects/…}, uploads under {@code /upload}). */
    static final String BIGQUERY_PREFIX = "/bigquery/";
    static final String BIGQUERY_UPLOAD_PREFIX = "/upload/bigquery/";

    // the console loads its own script and style and talks to its own origin only; nothing may frame it
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    // API answers are data, never a page: nothing in them may load or run
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private final ApiHandler api;
    private final ConsoleHandler console;
    private final Optional<BigQueryApiHandler> bigQuery;

    ServerRoutes(ApiHandler api, ConsoleHandler console, Optional<BigQueryApiHandler> bigQuery) {
        super(InvocationType.BLOCKING);
        this.api = api;
        this.console = console;
        this.bigQuery = bigQuery;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean consolePath = path.startsWith(ConsoleHandler.PREFIX);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", consolePath ? CONSOLE_POLICY : API_POLICY);
        response.getHeaders().put("X-Frame-Options", "DENY");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        if (path.equals("/") || path.equals("/console")) {
            response.setStatus(302);
            response.getHeaders().put(HttpHeader.LOCATION, ConsoleHandler.PREFIX);
            callback.succeeded();
            return true;
        }
        if (consolePath) {
            return console.handle(request, response, callback);
        }
        if (bigQuery.isPresent() && (path.startsWith(BIGQUERY_PREFIX) || path.startsWith(BIGQUERY_UPLOAD_PREFIX))) {
            return bigQuery.get().handle(request, response, callback);
        }
        return api.handle(request, response, callback);
    }
}
