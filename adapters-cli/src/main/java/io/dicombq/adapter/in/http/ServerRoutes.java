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
 * serves it, {@code /bigquery/…} the BigQuery REST API when it is mounted, anything else the Healthcare API
 * ({@link SafetyHeaders} adds the headers every answer carries).
 */
final class ServerRoutes extends Handler.Abstract {
    /** The BigQuery REST API's paths (BigQuery's own: {@code /bigquery/v2/projects/…}, uploads under {@code /upload}). */
    static final String BIGQUERY_PREFIX = "/bigquery/";
    static final String BIGQUERY_UPLOAD_PREFIX = "/upload/bigquery/";

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
        if (path.equals("/") || path.equals("/console")) {
            response.setStatus(302);
            response.getHeaders().put(HttpHeader.LOCATION, ConsoleHandler.PREFIX);
            callback.succeeded();
            return true;
        }
        if (path.startsWith(ConsoleHandler.PREFIX)) {
            return console.handle(request, response, callback);
        }
        if (bigQuery.isPresent() && (path.startsWith(BIGQUERY_PREFIX) || path.startsWith(BIGQUERY_UPLOAD_PREFIX))) {
            return bigQuery.get().handle(request, response, callback);
        }
        return api.handle(request, response, callback);
    }
}
