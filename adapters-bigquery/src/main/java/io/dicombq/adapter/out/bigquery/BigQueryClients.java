package io.dicombq.adapter.out.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the adapter's BigQuery client points: real BigQuery with Application Default Credentials, or a
 * BigQuery-compatible endpoint (an emulator such as {@code dicombq serve --bigquery-emulator}) without any.
 *
 * @param project  the project jobs run (and are billed) in, and the default for unqualified table paths
 * @param endpoint the REST root to use instead of {@code https://bigquery.googleapis.com}
 */
public record BigQueryClients(String project, Optional<URI> endpoint) {
    public BigQueryClients {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public static BigQueryClients production(String project) {
        return new BigQueryClients(project, Optional.empty());
    }

    public static BigQueryClients emulator(String project, URI endpoint) {
        return new BigQueryClients(project, Optional.of(endpoint));
    }

    /** A client for this target, acting in {@code jobProject}. */
    BigQuery client(String jobProject) {
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(jobProject);
        endpoint.ifPresent(root -> options
                // The host is also the root of upload URLs, so load jobs reach the emulator too.
                .setHost(stripTrailingSlash(root.toString()))
                // An emulator has no identity to check, and must never receive real tokens.
                .setCredentials(NoCredentials.getInstance()));
        // Without an endpoint the builder falls back to Application Default Credentials.
        return options.build().getService();
    }

    BigQuery client() {
        return client(project);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
