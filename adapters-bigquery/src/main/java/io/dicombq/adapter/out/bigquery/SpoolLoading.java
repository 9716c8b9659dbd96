package io.dicombq.adapter.out.bigquery;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * When spooled rows go to BigQuery while an export runs: a segment is loaded once it holds
 * {@code firstSegmentBytes}, or an eighth of what was loaded before if that is more (so the load jobs grow with the
 * export, about 90 for a terabyte, and the rows left for the commit stay a small part), one load at a time on
 * {@code executor}.
 */
public record SpoolLoading(long firstSegmentBytes, Executor executor) {
    /** 8 MiB: a few thousand typical rows, a second or less of a load job's work. */
    private static final long DEFAULT_FIRST_SEGMENT = 8L << 20;

    public SpoolLoading {
        if (firstSegmentBytes < 1) {
            throw new IllegalArgumentException("firstSegmentBytes must be positive, not " + firstSegmentBytes);
        }
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

    long segmentBytes(long loadedBytes) {
        return Math.max(firstSegmentBytes, loadedBytes / 8);
    }
}
