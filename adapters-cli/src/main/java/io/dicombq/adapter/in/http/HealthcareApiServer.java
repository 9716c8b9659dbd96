package io.dicombq.adapter.in.http;

import io.dicombq.adapter.in.http.access.AccessControl;
import io.dicombq.adapter.in.http.access.SourceConfinement;
import io.dicombq.adapter.in.http.console.ConsoleHandler;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP server of {@code dicombq serve} (Jetty): binds one address and serves {@link ApiHandler}. A server
 * without an access file only binds a loopback address, so nobody else can reach an API that trusts everyone.
 */
public final class HealthcareApiServer implements AutoCloseable {
    static final int MAX_URI_AND_HEADERS = 16 * 1024;

    private final Server server;
    private final ServerConnector connector;

    private HealthcareApiServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Checks the bind address against the access configuration before anything listens. */
    public static void requireSafeBinding(String host, AccessControl access) {
        if (access.enforced()) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new DicombqException(Code.FAILED_PRECONDITION, "refusing to listen on " + host + " (" + address.getHostAddress()
                            + ") without authentication: give --access-file with bearer-token principals, or listen on 127.0.0.1");
                }
            }
        } catch (UnknownHostException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "unknown host '" + host + "' to listen on");
        }
    }

    /** Starts listening on {@code host:port} (port 0 picks a free one); {@link #uri()} tells where. */
    public static HealthcareApiServer start(String host, int port, AccessControl access, SourceConfinement sources,
                                            HealthcareApiFactory api, Consumer<String> accessLog) {
        return start(host, port, access, sources, api, Optional.empty(), accessLog);
    }

    /** As above, with the BigQuery REST API mounted under {@code /bigquery/v2} on the same origin and access file. */
    public static HealthcareApiServer start(String host, int port, AccessControl access, SourceConfinement sources,
                                            HealthcareApiFactory api, Optional<BigQueryApiHandler> bigQuery,
                                            Consumer<String> accessLog) {
        requireSafeBinding(host, access);
        Server server = new Server(new QueuedThreadPool(32, 4));
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_URI_AND_HEADERS);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        try {
            connector.open();
        } catch (Exception e) {
            throw new DicombqException(Code.UNAVAILABLE, "cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): choose another --port");
        }
        URI uri = URI.create("http://" + hostForUri(advertised(host)) + ":" + connector.getLocalPort());
        // every error is in Google's envelope, Jetty's own too; the guard sits in front of every handler and the safety
        // headers in front of the guard
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new SafetyHeaders(new CrossSiteGuard(new ServerRoutes(new ApiHandler(api.create(uri), access,
                sources, accessLog), new ConsoleHandler(), bigQuery.map(handler -> handler.guardedBy(access, accessLog))),
                access.enforced(), accessLog)));
        try {
            server.start();
        } catch (Exception e) {
            throw new DicombqException(Code.UNAVAILABLE, "the HTTP server did not start: " + e.getMessage());
        }
        return new HealthcareApiServer(server, connector);
    }

    /** Builds the API once the server's own URL is known (operation logsUrls point back to it). */
    @FunctionalInterface
    public interface HealthcareApiFactory {
        HealthcareApi create(URI serverUri);
    }

    // logsUrl must be reachable by clients: a wildcard bind address is replaced by this machine's name
    private static String advertised(String host) {
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                return InetAddress.getLocalHost().getCanonicalHostName();
            }
        } catch (UnknownHostException e) {
            return host;
        }
        return host;
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public URI uri() {
        return URI.create("http://" + hostForUri(advertised(connector.getHost() == null ? "127.0.0.1" : connector.getHost())) + ":"
                + connector.getLocalPort());
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the HTTP server", e);
        }
    }
}
