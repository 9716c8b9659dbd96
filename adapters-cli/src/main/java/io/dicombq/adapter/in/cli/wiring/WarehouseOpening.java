package io.dicombq.adapter.in.cli.wiring;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A runtime's warehouse: opened on first use, or, for a command that is going to use it, at once on a thread of its
 * own, while the command opens the operations database on its own (two H2 databases, each a few hundred milliseconds
 * on a cold JVM; docs/BENCHMARKS.md, session 14).
 */
final class WarehouseOpening implements AutoCloseable {
    private final Supplier<Warehouse> factory;
    private FutureTask<Warehouse> ahead;
    private Warehouse warehouse;

    WarehouseOpening(Supplier<Warehouse> factory) {
        this.factory = factory;
    }

    /** Starts opening the warehouse now; a failure is reported by the first {@link #get()}, and by nothing if none comes. */
    synchronized void startAhead() {
        if (ahead == null && warehouse == null) {
            ahead = new FutureTask<>(factory::get);
            Thread thread = new Thread(ahead, "dicombq-warehouse-open");
            thread.setDaemon(true);
            thread.start();
        }
    }

    synchronized Warehouse get() {
        if (warehouse == null) {
            warehouse = ahead == null ? factory.get() : awaitAhead();
        }
        return warehouse;
    }

    /** Closes the warehouse if it was opened, waiting for an opening ahead still under way (whose failure is moot). */
    @Override
    public synchronized void close() throws Exception {
        if (warehouse == null && ahead != null) {
            try {
                warehouse = awaitAhead();
            } catch (RuntimeException | Error unused) {
                return;
            }
        }
        if (warehouse != null) {
            warehouse.close();
        }
    }

    /** The opened warehouse, or the opening's own exception as the thread that opened it saw it. */
    private Warehouse awaitAhead() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return ahead.get();
                } catch (InterruptedException e) {
                    interrupted = true;  // the opening holds files: let it finish, and leave the interrupt to the caller
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (CancellationException e) {
                    throw new IllegalStateException("the warehouse's opening was cancelled", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
