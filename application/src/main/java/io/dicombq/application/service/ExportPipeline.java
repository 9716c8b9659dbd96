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
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Streams a store into a staged write: one feeder lists instances, a fixed pool reads and flattens them, and the
 * calling thread merges schemas and writes batches. A semaphore bounds the instances between listing and writing,
 * so memory does not grow with the store (no list of all instances or rows is ever built).
 */
final class ExportPipeline {
    private static final long POLL_MILLIS = 100;

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

    /** What one worker produced for one listed instance. */
    private sealed interface Outcome {
        record Mapped(Row row, TableSchema schema) implements Outcome {
        }

        record Failed(InstanceFailure failure) implements Outcome {
        }

        /** Read, but not selected by the filter: neither exported nor counted (BEHAVIOUR 4). */
        record Unselected() implements Outcome {
        }

        /** The store itself could not be listed: the export fails (BEHAVIOUR 5). */
        record StoreBroken(RpcError error) implements Outcome {
        }

        record ListingDone(long listed) implements Outcome {
        }
    }

    /** One pass over the store; {@code seed} is the schema the merge starts from (see {@link Result.Widened}). */
    Result run(OperationName operation, ExportJob job, DicomStore store, InstanceSelector selector,
               StagedWrite write, ExportProgress progress, TableSchema seed) {
        int capacity = parallelism * 4;
        Semaphore inFlight = new Semaphore(capacity);
        BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(parallelism, daemonThreads("dicombq-export-worker"));
        // the store is listed once, as it is read (a DICOMweb store is not searched twice); the count listed so far
        // makes the pending counter, and a listing that blocks (a server that never answers) cannot delay a cancel,
        // which this thread sees while it polls and answers by interrupting the feeder
        AtomicLong listedSoFar = new AtomicLong();
        Thread feeder = new Thread(() -> feed(job, store, selector, workers, inFlight, outcomes, stop, listedSoFar),
                "dicombq-export-feeder");
        feeder.setDaemon(true);
        feeder.start();
        try {
            return consume(operation, listedSoFar, write, progress, inFlight, outcomes, seed);
        } finally {
            stop.set(true);
            feeder.interrupt();
            workers.shutdownNow();
        }
    }

    private Result consume(OperationName operation, AtomicLong listedSoFar, StagedWrite write, ExportProgress progress,
                           Semaphore inFlight, BlockingQueue<Outcome> outcomes, TableSchema seed) {
        TableSchema merged = seed;
        TableSchema staged = null;
        List<Row> batch = new ArrayList<>(batchSize);
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
            consumed++;
            inFlight.release();
            if (outcome instanceof Outcome.Mapped mapped) {
                merged = mapping.union(merged, mapped.schema());
                batch.add(mapped.row());
                success++;
                if (batch.size() >= batchSize) {
                    if (staged != null && !mapping.stillFits(staged, merged)) {
                        return new Result.Widened(merged);
                    }
                    write.write(merged, ExportMapping.conform(batch, merged));
                    staged = merged;
                    batch = new ArrayList<>(batchSize);
                }
            } else if (outcome instanceof Outcome.Failed failed) {
                log.append(operation, failed.failure());
                failure++;
            } else if (outcome instanceof Outcome.Unselected) {
                unselected++;
            } else if (outcome instanceof Outcome.StoreBroken broken) {
                throw broken.error().toException();
            }
        }
        if (staged != null && !mapping.stillFits(staged, merged)) {
            return new Result.Widened(merged);
        }
        if (!batch.isEmpty()) {
            write.write(merged, ExportMapping.conform(batch, merged));
        }
        progress.publish(new OperationCounter(success, failure, 0), true);
        if (progress.cancelRequested()) {
            return new Result.Cancelled();
        }
        return new Result.Completed(merged);
    }

    private void feed(ExportJob job, DicomStore store, InstanceSelector selector, ExecutorService workers,
                      Semaphore inFlight, BlockingQueue<Outcome> outcomes, AtomicBoolean stop, AtomicLong listedSoFar) {
        long listed = 0;
        try (Stream<InstanceHandle> handles = store.instances(selector)) {
            Iterator<InstanceHandle> iterator = handles.iterator();
            while (!stop.get() && iterator.hasNext()) {
                InstanceHandle handle = iterator.next();
                inFlight.acquire();
                listed++;
                listedSoFar.set(listed);
                workers.execute(() -> outcomes.add(processSafely(handle, job, selector)));
            }
            outcomes.add(new Outcome.ListingDone(listed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DicombqException e) {
            outcomes.add(new Outcome.StoreBroken(e.error()));
        } catch (RuntimeException e) {
            outcomes.add(new Outcome.StoreBroken(RpcError.of(Code.UNAVAILABLE,
                    "The DICOM store could not be listed after " + listed + " instances: " + e)));
        }
    }

    /** Every listed instance yields exactly one outcome, whatever goes wrong, so the writer never waits forever. */
    private Outcome processSafely(InstanceHandle handle, ExportJob job, InstanceSelector selector) {
        try {
            return process(handle, job, selector);
        } catch (Throwable e) {
            return new Outcome.Failed(new InstanceFailure(handle.resourceName(),
                    RpcError.of(Code.INTERNAL, "dicombq could not convert this instance: " + e)));
        }
    }

    private Outcome process(InstanceHandle handle, ExportJob job, InstanceSelector selector) {
        try {
            DicomInstance instance = handle.read();
            // A folder store can only filter after reading the UIDs, so the selector is checked again here.
            if (!selector.selects(instance.studyInstanceUid(), instance.seriesInstanceUid(), instance.sopInstanceUid())) {
                return new Outcome.Unselected();
            }
            FlattenedInstance mapped = mapping.map(instance, job);
            return new Outcome.Mapped(mapped.row(), mapped.schema());
        } catch (DicombqException e) {
            return new Outcome.Failed(new InstanceFailure(handle.resourceName(), e.error()));
        }
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

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
