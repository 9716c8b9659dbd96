package io.dicombq.application.service;

import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.ExportJob;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.application.port.out.OperationLog;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.flatten.FlattenedInstance;
import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowFootprint;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Streams a store into a staged write: one feeder lists instances, a fixed pool reads, flattens, merges and conforms
 * them (all per-instance work, so every core is busy), and the calling thread only writes batches. A semaphore bounds
 * the instances between listing and writing, so memory does not grow with the store (no list of all instances or
 * rows is ever built). Whatever goes wrong, {@link #run} returns or throws with every thread it started ended.
 */
final class ExportPipeline {
    private static final long POLL_MILLIS = 100;
    /**
     * Most row memory ({@link RowFootprint}) a batch holds before it is staged, whatever its row count: wide rows (base64
     * private values, large headers) sat in a batch long enough to outlive young collections, and 500 rows of an
     * enhanced multi-frame header would not fit the heap. About 80 realistic rows (docs/BENCHMARKS.md, session 11).
     */
    static final long BATCH_BYTES = 4L * 1024 * 1024;
    /** How long ending the pass waits for a worker still inside a read (a file or a DICOMweb request). */
    private static final long STOP_SECONDS = 10;

    private final ExportMapping mapping;
    private final OperationLog log;
    private final int parallelism;
    private final int batchSize;

    ExportPipeline(ExportMapping mapping, OperationLog log, int parallelism, int batchSize) {
        if (parallelism < 1 || batchSize < 1) {
            throw new IllegalArgumentException("parallelism and batch size must be positive");
        }
        this.mapping = mapping;
        this.log = log;
        this.parallelism = parallelism;
        this.batchSize = batchSize;
    }

    /** How an export's pass over the store ended. */
    sealed interface Result {
        /** Every selected instance was written or failed; {@code schema} is the union of the exported rows' schemas. */
        record Completed(TableSchema schema) implements Result {
        }

        /** A cancel was seen; nothing must be committed. */
        record Cancelled() implements Result {
        }

        /**
         * The merged schema changed a column that staged rows already use (a type or mode conflict between
         * instances, SchemaMerger's rule), so those rows no longer fit: the pass must be run again from the start,
         * into a new staged write, with {@code schema} as its seed so that the conflict is settled before any row
         * is staged.
         */
        record Widened(TableSchema schema) implements Result {
        }
    }

    /** What a worker or the feeder produced; every listed instance yields exactly one Mapped, Failed or Unselected. */
    private sealed interface Outcome {
        /**
         * A row already fitted to {@code fittedTo}, a union that contains the instance's own schema; {@code footprint}
         * is its {@link RowFootprint}, taken on the worker.
         */
        record Mapped(Row row, TableSchema fittedTo, long footprint) implements Outcome {
        }

        record Failed(InstanceFailure failure) implements Outcome {
        }

        /** Read, but not selected by the filter: neither exported nor counted (specification 4). */
        record Unselected() implements Outcome {
        }

        /** The store itself could not be listed: the export fails (specification 5). */
        record StoreBroken(RpcError error) implements Outcome {
        }

        /**
         * What ends the whole export rather than one instance: an Error (out of memory, stack overflow), the
         * schema past BigQuery's limits, a bug. It is thrown again on the writing thread.
         */
        record Crashed(Throwable cause) implements Outcome {
        }

        record ListingDone(long listed) implements Outcome {
        }
    }

    /** One pass over the store; {@code seed} is the schema the merge starts from (see {@link Result.Widened}). */
    Result run(OperationName operation, ExportJob job, DicomStore store, InstanceSelector selector,
               StagedWrite write, ExportProgress progress, TableSchema seed) {
        Semaphore inFlight = new Semaphore(parallelism * 4);
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        MergedSchema merged = new MergedSchema(mapping, seed);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, daemonThreads("dicombq-export-worker", threads));
        // the store is listed once, as it is read (a DICOMweb store is not searched twice); the count listed so far
        // makes the pending counter, and a listing that blocks (a server that never answers) cannot delay a cancel,
        // which this thread sees while it polls and answers by interrupting the feeder
        AtomicLong listedSoFar = new AtomicLong();
        Thread feeder = daemonThreads("dicombq-export-feeder", threads)
                .newThread(() -> feed(job, store, selector, merged, workers, inFlight, outcomes, stop, listedSoFar));
        feeder.start();
        try {
            return consume(operation, listedSoFar, write, progress, inFlight, outcomes, merged);
        } finally {
            stop.set(true);
            feeder.interrupt();
            workers.shutdownNow();
            awaitEnd(threads);
        }
    }

    private Result consume(OperationName operation, AtomicLong listedSoFar, StagedWrite write, ExportProgress progress,
                           Semaphore inFlight, BlockingQueue<Outcome> outcomes, MergedSchema merged) {
        Batch batch = new Batch(batchSize);
        long success = 0;
        long failure = 0;
        long unselected = 0;
        long listed = -1;
        long consumed = 0;
        progress.publish(new OperationCounter(0, 0, 0), true);
        while (listed < 0 || consumed < listed) {
            Outcome outcome = take(outcomes);
            progress.publish(counter(success, failure, unselected, listedSoFar.get()), false);
            if (progress.cancelRequested()) {
                return new Result.Cancelled();
            }
            if (outcome == null) {
                continue;
            }
            if (outcome instanceof Outcome.ListingDone done) {
                listed = done.listed();
                continue;
            }
            if (outcome instanceof Outcome.StoreBroken broken) {
                throw broken.error().toException();
            }
            if (outcome instanceof Outcome.Crashed crashed) {
                throw rethrown(crashed.cause());
            }
            consumed++;
            inFlight.release();
            if (outcome instanceof Outcome.Mapped mapped) {
                batch.add(mapped);
                success++;
                if (batch.full() && !batch.flush(write, merged.current())) {
                    return new Result.Widened(merged.current());
                }
            } else if (outcome instanceof Outcome.Failed failed) {
                log.append(operation, failed.failure());
                failure++;
            } else {
                unselected++;
            }
        }
        TableSchema exported = merged.current();
        if (!batch.flush(write, exported)) {
            return new Result.Widened(exported);
        }
        progress.publish(new OperationCounter(success, failure, 0), true);
        if (progress.cancelRequested()) {
            return new Result.Cancelled();
        }
        return new Result.Completed(exported);
    }

    /**
     * Rows waiting to be staged, with the unions they were fitted to. Unions only grow, so a row fitted to an earlier
     * union is written as it is under a later one (its new columns are NULL) as long as that later union only adds
     * columns to it; {@code onlyAdds} is transitive, so checking the last staged union covers every earlier row.
     */
    private final class Batch {
        private final int size;
        private final List<Row> rows;
        /** The distinct unions (by identity: an unchanged union keeps it) the pending rows were fitted to. */
        private final Set<TableSchema> fittedTo = Collections.newSetFromMap(new IdentityHashMap<>());
        private TableSchema staged;
        private long footprint;

        Batch(int size) {
            this.size = size;
            this.rows = new ArrayList<>(size);
        }

        void add(Outcome.Mapped mapped) {
            rows.add(mapped.row());
            fittedTo.add(mapped.fittedTo());
            footprint += mapped.footprint();
        }

        boolean full() {
            return rows.size() >= size || footprint >= BATCH_BYTES;
        }

        /** Stages the pending rows under {@code schema}; false when a staged or pending row no longer fits it. */
        boolean flush(StagedWrite write, TableSchema schema) {
            if (staged != null && staged != schema && !mapping.stillFits(staged, schema)) {
                return false;
            }
            for (TableSchema union : fittedTo) {
                if (union != schema && !mapping.stillFits(union, schema)) {
                    return false;
                }
            }
            if (!rows.isEmpty()) {
                write.write(schema, List.copyOf(rows));
                staged = schema;
            }
            rows.clear();
            fittedTo.clear();
            footprint = 0;
            return true;
        }
    }

    private void feed(ExportJob job, DicomStore store, InstanceSelector selector, MergedSchema merged,
                      ExecutorService workers, Semaphore inFlight, BlockingQueue<Outcome> outcomes, AtomicBoolean stop,
                      AtomicLong listedSoFar) {
        long listed = 0;
        try (Stream<InstanceHandle> handles = store.instances(selector)) {
            Iterator<InstanceHandle> iterator = handles.iterator();
            while (!stop.get() && iterator.hasNext()) {
                InstanceHandle handle = iterator.next();
                inFlight.acquire();
                listed++;
                listedSoFar.set(listed);
                workers.execute(() -> outcomes.add(processSafely(handle, job, selector, merged)));
            }
            outcomes.add(new Outcome.ListingDone(listed));
        } catch (InterruptedException | RejectedExecutionException e) {
            // the pass is over (cancelled, widened or failed) and stopped the feeder
            Thread.currentThread().interrupt();
        } catch (DicombqException e) {
            outcomes.add(new Outcome.StoreBroken(e.error()));
        } catch (RuntimeException e) {
            outcomes.add(new Outcome.StoreBroken(RpcError.of(Code.UNAVAILABLE,
                    "The DICOM store could not be listed after " + listed + " instances: " + e)));
        } catch (Throwable e) {
            outcomes.add(new Outcome.Crashed(e));
        }
    }

    /** Every listed instance yields exactly one outcome, whatever goes wrong, so the writer never waits forever. */
    private Outcome processSafely(InstanceHandle handle, ExportJob job, InstanceSelector selector, MergedSchema merged) {
        try {
            return process(handle, job, selector, merged);
        } catch (Throwable e) {
            return new Outcome.Crashed(e);
        }
    }

    private Outcome process(InstanceHandle handle, ExportJob job, InstanceSelector selector, MergedSchema merged) {
        FlattenedInstance mapped;
        try {
            DicomInstance instance = handle.read();
            // A folder store can only filter after reading the UIDs, so the selector is checked again here.
            if (!selector.selects(instance.studyInstanceUid(), instance.seriesInstanceUid(), instance.sopInstanceUid())) {
                return new Outcome.Unselected();
            }
            mapped = mapping.map(instance, job);
        } catch (DicombqException e) {
            return new Outcome.Failed(new InstanceFailure(handle.resourceName(), e.error()));
        } catch (RuntimeException e) {
            return new Outcome.Failed(new InstanceFailure(handle.resourceName(),
                    RpcError.of(Code.INTERNAL, "dicombq could not convert this instance: " + e)));
        }
        // Past this point a failure is the export's, not the instance's (e.g. the union over BigQuery's limits).
        TableSchema fittedTo = merged.include(mapped.schema());
        Row row = ExportMapping.conform(mapped.row(), fittedTo);
        return new Outcome.Mapped(row, fittedTo, RowFootprint.of(row));
    }

    private static OperationCounter counter(long success, long failure, long unselected, long expected) {
        return new OperationCounter(success, failure, Math.max(0, expected - success - failure - unselected));
    }

    private static Outcome take(BlockingQueue<Outcome> outcomes) {
        try {
            return outcomes.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DicombqException(Code.CANCELLED, "The export was interrupted");
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** Waits for the feeder and the workers, so a finished pass holds no thread, stream or file of the store. */
    private static void awaitEnd(List<Thread> threads) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        for (Thread thread : threads) {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon threads, each also added to {@code made} so the pass can wait for their end. */
    private static ThreadFactory daemonThreads(String prefix, List<Thread> made) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            made.add(thread);
            return thread;
        };
    }
}
