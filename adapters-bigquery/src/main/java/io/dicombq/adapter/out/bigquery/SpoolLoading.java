package io.dicombq.adapter.out.bigquery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * When spooled rows go to BigQuery while an export runs: a segment is loaded once it holds
 * {@code firstSegmentBytes}, or an eighth of what was loaded before if that is more (so the load jobs grow with the
 * export, about 90 for a terabyte, and the rows left for the commit stay a small part), one load at a time on
 * {@code executor}. With {@link #atCommit} nothing is loaded before the commit. {@code namesFiles}: a load job names
 * the spool's files (file: source URIs) for BigQuery to read, instead of uploading them, where BigQuery runs on this
 * machine; one it refuses is uploaded.
 */
public record SpoolLoading(long firstSegmentBytes, Executor executor, boolean namesFiles) {
    /** 8 MiB: a few thousand typical rows, a second or less of a load job's work. */
    private static final long DEFAULT_FIRST_SEGMENT = 8L << 20;

    public SpoolLoading {
        if (firstSegmentBytes < 1) {
            throw new IllegalArgumentException("firstSegmentBytes must be positive, not " + firstSegmentBytes);
        }
    }

    /** Loads that upload the spool's files. */
    public SpoolLoading(long firstSegmentBytes, Executor executor) {
        this(firstSegmentBytes, executor, false);
    }

    /** Loads on daemon threads of their own, which end when idle. */
    public static SpoolLoading inBackground() {
        ExecutorService threads = Executors.newCachedThreadPool(load -> {
            Thread thread = new Thread(load, "bigquery-load");
            thread.setDaemon(true);
            return thread;
        });
        return new SpoolLoading(DEFAULT_FIRST_SEGMENT, threads);
    }

    /**
     * Every row waits in the spool for the commit, which loads them all with one job naming the spool's files (an
     * upload of them copies every byte through HTTP into a file of BigQuery's, on the same disk).
     */
    public static SpoolLoading atCommit() {
        return new SpoolLoading(Long.MAX_VALUE, Runnable::run, true);
    }

    /**
     * The loading for a BigQuery at {@code endpoint} (empty: Google's). Loading while the export runs overlaps BigQuery's
     * work with the export's when BigQuery runs elsewhere; a BigQuery on this machine (an emulator at a loopback
     * address) shares its processors instead, and every row loaded early costs it a second write, into a staging table
     * and then by the copy job into the destination. There the commit loads every row once, straight into the
     * destination, from the spool's files: a realistic 20,000-instance export through the emulator took 10-11 s
     * instead of 19-30 s (docs/BENCHMARKS.md, session 20).
     */
    public static SpoolLoading forEndpoint(Optional<URI> endpoint) {
        return endpoint.map(URI::getHost).filter(SpoolLoading::isThisMachine).isPresent()
                ? atCommit() : inBackground();
    }

    /** Whether {@code host} names this machine: localhost, or a loopback or wildcard address literal (no DNS lookup). */
    static boolean isThisMachine(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        String literal = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        if (!literal.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    long segmentBytes(long loadedBytes) {
        return Math.max(firstSegmentBytes, loadedBytes / 8);
    }
}
