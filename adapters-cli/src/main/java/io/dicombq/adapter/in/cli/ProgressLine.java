package io.dicombq.adapter.in.cli;

import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The live progress of a waiting export: one line rewritten in place on a terminal, or a plain line whenever the
 * counters change (at most once a second) when the output is a file or a pipe.
 */
final class ProgressLine {
    private final PrintWriter out;
    private final boolean terminal;
    private final Instant start;
    private OperationCounter lastShown;
    private Instant lastPrinted = Instant.EPOCH;
    private int lastWidth;

    ProgressLine(PrintWriter out, boolean terminal, Instant start) {
        this.out = out;
        this.terminal = terminal;
        this.start = start;
    }

    void show(Operation operation, Instant now) {
        OperationCounter counter = operation.counter();
        if (counter.isZero() && !operation.done()) {
            return;
        }
        if (counter.equals(lastShown) && !terminal) {
            return;
        }
        if (!terminal && Duration.between(lastPrinted, now).toMillis() < 1000 && !operation.done()) {
            return;
        }
        String line = format(counter, Duration.between(start, now));
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
        lastShown = counter;
        lastPrinted = now;
    }

    void finish() {
        if (terminal && lastWidth > 0) {
            out.println();
            out.flush();
        }
    }

    static String format(OperationCounter counter, Duration elapsed) {
        long done = counter.success() + counter.failure();
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format(Locale.ROOT, "%d instances done, %d failed, %d pending, %.0f instances/s, %s elapsed",
                counter.success(), counter.failure(), counter.pending(), done / seconds, clock(elapsed));
    }

    private static String clock(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
