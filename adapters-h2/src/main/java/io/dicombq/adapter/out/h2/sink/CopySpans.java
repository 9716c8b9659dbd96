package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.RowWriteGate;

/**
 * How many row ids a table copy takes per transaction, sized by the bytes its rows turned out to take: a copy's
 * transaction, like a load's, stays near {@link RowWriteGate#TRANSACTION_BYTES} and at most
 * {@link RowWriteGate#TRANSACTION_ROWS} rows. A fixed 256 rows were 14 MB of realistic rows (10-40 KB of base64 private
 * values each): a version that outgrew H2's reused write buffer, and young collections that copied the chunk, which
 * made copying a row ten times the cost of loading it (docs/BENCHMARKS.md, session 23).
 */
final class CopySpans {
    /** The first span, before any row's size is known: a few hundred KB of the widest rows measured. */
    static final long FIRST = 8;

    private long span = FIRST;

    /** Row ids the next transaction takes. */
    long span() {
        return span;
    }

    /**
     * Sizes the next span after a transaction copied {@code rows} rows of {@code bytes} bytes in all; a negative
     * {@code bytes} (not known) or no rows keeps the span as it is.
     */
    void copied(long rows, long bytes) {
        if (rows <= 0 || bytes < 0) {
            return;
        }
        long perRow = Math.max(1, bytes / rows);
        span = Math.max(1, Math.min(RowWriteGate.TRANSACTION_ROWS, RowWriteGate.TRANSACTION_BYTES / perRow));
    }
}
