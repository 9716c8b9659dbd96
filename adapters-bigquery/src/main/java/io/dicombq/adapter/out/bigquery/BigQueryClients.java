package io.dicombq.adapter.out.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the adapter's BigQuery clients point: real BigQuery with Application Default Credentials, or a
 * BigQuery-compatible endpoint (an emulator such as {@code dicombq serve --bigquery-emulator}) without any.
 * One client per job project, made on first use.
 */
public final class BigQueryClients {
    private final Optional<String> jobProject;
    private final Optional<URI> endpoint;
    private final Map<String, BigQuery> clients = new ConcurrentHashMap<>();

    /**
     * @param jobProject the project jobs run (and are billed) in; when empty, the project of the table written
     *                   or of the query
     * @param endpoint   the REST root to use instead of {@code https://bigquery.googleapis.com}
     */
    public BigQueryClients(Optional<String> jobProject, Optional<URI> endpoint) {
        this.jobProject = Objects.requireNonNull(jobProject, "jobProject");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    public static BigQueryClients production(String jobProject) {
        return new BigQueryClients(Optional.of(jobProject), Optional.empty());
    }

    public static BigQueryClients emulator(String jobProject, URI endpoint) {
        return new BigQueryClients(Optional.of(jobProject), Optional.of(endpoint));
    }

    public Optional<String> jobProject() {
        return jobProject;
    }

    public Optional<URI> endpoint() {
        return endpoint;
    }

    /** The client acting in the configured job project, or else in {@code fallbackProject}. */
    BigQuery client(String fallbackProject) {
        String project = jobProject.orElse(fallbackProject);
        return clients.computeIfAbsent(project, this::create);
    }

    private BigQuery create(String project) {
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(project);
        endpoint.ifPresent(root -> options
                // The host is also the root of upload URLs, so load jobs reach the emulator too.
                .setHost(stripTrailingSlash(root.toString()))
                // An emulator has no identity to check, and must never receive real tokens.
                .setCredentials(NoCredentials.getInstance()));
        // Without an endpoint the builder falls back to Application Default Credentials.
        return options.build().getService();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
