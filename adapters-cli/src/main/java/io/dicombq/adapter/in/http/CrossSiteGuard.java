package io.dicombq.adapter.in.http;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps web pages of other sites away from the server, whatever it serves (it wraps every handler): a browser
 * sends {@code Origin} with every cross-origin request and every POST (Fetch standard 3.1), so a request whose
 * Origin is not this server is refused; a body must be {@code application/json}, which no HTML form or simple
 * cross-origin request can send without a CORS pre-flight, and pre-flights are never granted (no
 * {@code Access-Control-Allow-*} header is ever sent). A server without authentication also requires a loopback
 * {@code Host}, so a DNS name rebound to 127.0.0.1 by another site does not reach it either.
 */
public final class CrossSiteGuard extends Handler.Wrapper {
    private final boolean anyHost;
    private final Consumer<String> accessLog;
    private final boolean jsonBodies;

    /** {@code anyHost}: the server authenticates every caller, so it may be reached under any name. */
    CrossSiteGuard(Handler handler, boolean anyHost, Consumer<String> accessLog) {
        this(handler, anyHost, accessLog, true);
    }

    /**
     * {@code jsonBodies} false for an API that takes other bodies too (BigQuery's uploads of files): the Origin and
     * Host checks alone keep pages of other sites away, since a browser sends Origin with every POST.
     */
    private CrossSiteGuard(Handler handler, boolean anyHost, Consumer<String> accessLog, boolean jsonBodies) {
        super(handler);
        this.anyHost = anyHost;
        this.accessLog = accessLog;
        this.jsonBodies = jsonBodies;
    }

    /**
     * The BigQuery REST API on a loopback port of its own without authentication ({@code serve --bigquery-emulator},
     * {@code --bigquery-emulator-port}), behind the same protections as the server's other answers: a page of
     * another site could otherwise post a query job that drops the user's tables.
     */
    public static Handler aroundLoopbackBigQuery(Handler emulator) {
        return new SafetyHeaders(new CrossSiteGuard(emulator, false, line -> { }, false));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<RpcError> refusal = refusal(request);
        if (refusal.isEmpty()) {
            return super.handle(request, response, callback);
        }
        accessLog.accept(request.getMethod() + " " + Request.getPathInContext(request) + " "
                + refusal.get().code().httpStatus() + " - (" + refusal.get().message() + ")");
        ErrorEnvelope.send(response, callback, refusal.get());
        return true;
    }

    private Optional<RpcError> refusal(Request request) {
        HttpURI uri = request.getHttpURI();
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (!anyHost && !isLoopbackName(host)) {
            return Optional.of(RpcError.of(Code.PERMISSION_DENIED, "Host '" + host + "' is not a loopback name: this"
                    + " server has no authentication and only answers requests for localhost, 127.0.0.1 or [::1]"));
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !sameOrigin(origin, uri)) {
            return Optional.of(RpcError.of(Code.PERMISSION_DENIED, "Cross-origin request refused: Origin '" + origin
                    + "' is not this server (" + ownOrigin(uri) + "); call the API from a program or from this server's"
                    + " own pages, not from another site"));
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        boolean hasBody = request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (jsonBodies && (hasBody || type != null) && !isJson(type) && !"GET".equals(request.getMethod())) {
            return Optional.of(RpcError.of(Code.INVALID_ARGUMENT, "Content-Type '" + (type == null ? "" : type)
                    + "' is not accepted: send request bodies as application/json"));
        }
        return Optional.empty();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return media.equalsIgnoreCase("application/json");
    }

    // RFC 6454 5: two origins are the same when scheme, host and port are
    private static boolean sameOrigin(String origin, HttpURI request) {
        URI parsed;
        try {
            parsed = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false; // "null" and other opaque origins are never this server
        }
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            return false;
        }
        String scheme = request.getScheme() == null ? "http" : request.getScheme();
        return parsed.getScheme().equalsIgnoreCase(scheme)
                && unbracketed(parsed.getHost()).equalsIgnoreCase(unbracketed(request.getHost()))
                && effectivePort(parsed.getScheme(), parsed.getPort()) == effectivePort(scheme, request.getPort());
    }

    private static String ownOrigin(HttpURI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        return scheme + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static int effectivePort(String scheme, int port) {
        return port > 0 ? port : scheme.equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String unbracketed(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : String.valueOf(host);
    }

    // names only: resolving the Host header would let a rebinding DNS answer decide
    static boolean isLoopbackName(String host) {
        String name = unbracketed(host).toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
