package io.dicombq.adapter.in.emulator;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A BigQuery REST endpoint over a warehouse, for the official clients: point them at {@link #url()} with no
 * credentials. It listens on loopback only.
 */
public final class BigQueryEmulator implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final Path uploads;

    private BigQueryEmulator(Server server, ServerConnector connector, Path uploads) {
        this.server = server;
        this.connector = connector;
        this.uploads = uploads;
    }

    /**
     * Starts serving {@code warehouse} on 127.0.0.1.
     *
     * @param port 0 for any free port
     * @param ids  unique ids for jobs and upload sessions
     */
    public static BigQueryEmulator start(H2Warehouse warehouse, int port, Clock clock, Supplier<String> ids) {
        return start(warehouse, port, clock, ids, JobRunner.ANSWER_WITHIN);
    }

    /**
     * {@link #start(H2Warehouse, int, Clock, Supplier)} with {@code front} around the emulator's endpoints: what the
     * process that serves it puts in front of every request (dicombq serve: the cross-site protections).
     */
    public static BigQueryEmulator start(H2Warehouse warehouse, int port, Clock clock, Supplier<String> ids,
                                         UnaryOperator<Handler> front) {
        return start(warehouse, port, clock, ids, JobRunner.jobThreads(), JobRunner.ANSWER_WITHIN, front);
    }

    /**
     * {@link #start(H2Warehouse, int, Clock, Supplier)}, answering a load or copy job that has not ended within
     * {@code answerWithin} with it RUNNING.
     */
    public static BigQueryEmulator start(H2Warehouse warehouse, int port, Clock clock, Supplier<String> ids,
                                         Duration answerWithin) {
        return start(warehouse, port, clock, ids, JobRunner.jobThreads(), answerWithin, UnaryOperator.identity());
    }

    /** @param jobs runs load and copy jobs */
    static BigQueryEmulator start(H2Warehouse warehouse, int port, Clock clock, Supplier<String> ids, Executor jobs,
                                  Duration answerWithin) {
        return start(warehouse, port, clock, ids, jobs, answerWithin, UnaryOperator.identity());
    }

    private static BigQueryEmulator start(H2Warehouse warehouse, int port, Clock clock, Supplier<String> ids,
                                          Executor jobs, Duration answerWithin, UnaryOperator<Handler> front) {
        Path uploads;
        try {
            uploads = Files.createTempDirectory("dicombq-bigquery-uploads-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for uploads", e);
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(front.apply(handler(warehouse, uploads, clock, ids, jobs, answerWithin)));
        try {
            server.start();
        } catch (Exception e) {
            deleteQuietly(uploads);
            throw new DicombqException(RpcError.of(Code.FAILED_PRECONDITION, "cannot start the BigQuery emulator on"
                    + " 127.0.0.1:" + port + ": " + e.getMessage() + "; choose another port, or 0 for any free one"), e);
        }
        return new BigQueryEmulator(server, connector, uploads);
    }

    /**
     * The emulator's endpoints as a Jetty handler, for a server of the caller's ({@code dicombq serve} mounts it beside
     * the Healthcare API, docs/console.md); resumable uploads are staged in {@code uploads}, which the caller removes.
     */
    public static Handler handler(H2Warehouse warehouse, Path uploads, Clock clock, Supplier<String> ids) {
        return handler(warehouse, uploads, clock, ids, JobRunner.jobThreads(), JobRunner.ANSWER_WITHIN);
    }

    private static Handler handler(H2Warehouse warehouse, Path uploads, Clock clock, Supplier<String> ids,
                                   Executor jobThreads, Duration answerWithin) {
        TableAttributes attributes = new TableAttributes();
        Jobs jobs = new Jobs();
        QueryJobResults results = new QueryJobResults();
        JobRunner runner = new JobRunner(warehouse, jobs, results, clock, ids, jobThreads, answerWithin);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new DatasetEndpoints(warehouse, attributes).routes());
        routes.addAll(new TableEndpoints(warehouse, attributes, results).routes());
        routes.addAll(new TableDataEndpoints(warehouse, results).routes());
        routes.addAll(new JobEndpoints(runner, jobs, results, ids).routes());
        routes.addAll(new UploadEndpoints(runner, uploads, ids, clock).routes());
        return new EmulatorHandler(routes);
    }

    /** The root to give a client, e.g. {@code BigQueryOptions.setHost(url)}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Where this emulator keeps the files of its uploads (a temporary directory removed when it stops). */
    Path uploadDirectory() {
        return uploads;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the BigQuery emulator: " + e.getMessage(), e);
        } finally {
            deleteQuietly(uploads);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Temporary upload files only; the OS cleans its temporary directory.
        }
    }
}
