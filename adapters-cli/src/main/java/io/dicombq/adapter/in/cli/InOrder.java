package io.dicombq.adapter.in.cli;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Numbered pieces of work done by several threads and handed to a consumer in their order. Each thread claims the next
 * number, does that piece and hands its result in; whichever thread hands in the next result in order passes it, and
 * the ones waiting behind it, to the consumer. No thread waits for another's result: a thread waits only when it is
 * {@code window} pieces ahead of the consumer, which bounds the results held. The first failure (a consumer's
 * exception, an interruption) stops the claiming and the handing over; {@link #failure()} tells it.
 */
final class InOrder<T> {
    private final int count;
    private final Object[] waiting;
    private final Consumer<T> consumer;
    private int next;
    private int head;
    private Throwable failure;

    InOrder(int count, int window, Consumer<T> consumer) {
        this.count = count;
        this.waiting = new Object[Math.max(1, window)];
        this.consumer = consumer;
    }

    /** The next number to work on, or -1 when none is left or a failure stopped the work. */
    synchronized int claim() {
        while (failure == null && next < count && next - head >= waiting.length) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(new IllegalStateException("interrupted while waiting for earlier files to be printed", e));
            }
        }
        return failure != null || next >= count ? -1 : next++;
    }

    /**
     * Hands in the result of {@code number} (claimed by this thread); the consumer gets it, and those after it, if it is
     * the next in order. A consumer's exception is the failure, thrown here too.
     */
    synchronized void complete(int number, T result) {
        if (failure != null) {
            return; // the work stopped at an earlier piece: nothing after it is consumed, as in a sequential loop
        }
        waiting[number % waiting.length] = Objects.requireNonNull(result, "result"); // null marks a result not in yet
        if (number != head) {
            return;
        }
        try {
            while (head < count && waiting[head % waiting.length] != null) {
                @SuppressWarnings("unchecked")
                T ready = (T) waiting[head % waiting.length];
                waiting[head % waiting.length] = null;
                head++;
                consumer.accept(ready);
            }
        } catch (RuntimeException | Error e) {
            stop(e);
            throw e;
        } finally {
            notifyAll();
        }
    }

    /** Whatever stopped the work, or null. */
    synchronized Throwable failure() {
        return failure;
    }

    /** Stops the work: no more claims, nothing more handed over; the first cause is the failure. */
    synchronized void stop(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }
}
