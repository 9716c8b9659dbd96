package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.out.dicom.part10.DicomParseException;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.json.DicomJsonWriter;
import io.dicombq.domain.json.JsonWriter;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The work of {@code dicombq dump}: each file read and written as one line of DICOM JSON, in argument order. Many
 * files are read and written on every core, a bounded window of them at a time, and printed in their order.
 */
final class JsonLinesDump {
    /**
     * Files in flight per thread: enough to keep every core busy while a slow file holds the head of the line, few
     * enough that memory stays that of a handful of files (each file's JSON is held until its turn to print).
     */
    private static final int WINDOW_PER_THREAD = 4;

    private final DumpOptions options;
    private final Part10Reader reader;
    private final DicomJsonWriter writer;

    private final int threads;

    JsonLinesDump(DumpOptions options) {
        this(options, Runtime.getRuntime().availableProcessors());
    }

    /** With {@code threads} reading and writing files at once (1: one after the other, on the caller's thread). */
    JsonLinesDump(DumpOptions options, int threads) {
        this.options = options;
        this.threads = Math.max(1, Math.min(threads, options.files().size()));
        this.reader = new Part10Reader(ReadOptions.defaults().withBulkThreshold(options.bulkThreshold()),
                DataDictionary.standard());
        this.writer = options.inlineBinary() ? DicomJsonWriter.standard() : DicomJsonWriter.withoutInlineBinary();
    }

    /** What one file gave: its line, or why it could not be read. */
    private sealed interface Outcome {
        record Line(String text) implements Outcome {
        }

        record Unreadable(String message) implements Outcome {
        }
    }

    /** Prints every file's line on {@code out} and every unreadable file's error on {@code err}; 1 if any failed. */
    int run(PrintWriter out, PrintWriter err) {
        try {
            int failures = threads == 1 ? printInOrder(out, err) : printInOrderOnThreads(out, err);
            return failures == 0 ? 0 : DicombqCommand.EXIT_FAILED;
        } finally {
            // also when a file's JSON failed: the lines before it are out before the error line
            out.flush();
            err.flush();
        }
    }

    private int printInOrder(PrintWriter out, PrintWriter err) {
        int failures = 0;
        for (Path file : options.files()) {
            failures += print(dump(file), out, err);
        }
        return failures;
    }

    private int printInOrderOnThreads(PrintWriter out, PrintWriter err) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "dump");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Iterator<Path> files = options.files().iterator();
            ArrayDeque<Future<Outcome>> window = new ArrayDeque<>();
            int failures = 0;
            while (files.hasNext() || !window.isEmpty()) {
                while (files.hasNext() && window.size() < threads * WINDOW_PER_THREAD) {
                    Path file = files.next();
                    window.add(pool.submit(() -> dump(file)));
                }
                failures += print(await(window.remove()), out, err);
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The outcome, or what the worker threw, thrown here as the sequential loop would have thrown it. */
    private static Outcome await(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a file's JSON", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static int print(Outcome outcome, PrintWriter out, PrintWriter err) {
        if (outcome instanceof Outcome.Line line) {
            out.write(line.text());
            return 0;
        }
        // the lines before it are out first, so stdout and stderr keep the argument order
        out.flush();
        err.println("dicombq dump: " + ((Outcome.Unreadable) outcome).message());
        err.flush();
        return 1;
    }

    private Outcome dump(Path file) {
        DicomInstance instance;
        try {
            instance = reader.readContent(file);
        } catch (DicomParseException | UncheckedIOException e) {
            return new Outcome.Unreadable(e.getMessage());
        }
        DicomDataset dataset = options.fileMeta() ? withFileMeta(instance) : instance.dataset();
        // a fresh buffer per file: a reused one that once held a non-Latin-1 character stays UTF-16 (twice as slow)
        StringBuilder json = new StringBuilder(256 + dataset.size() * 64);
        writer.write(dataset, options.pretty() ? JsonWriter.pretty(json) : JsonWriter.compact(json));
        return new Outcome.Line(json.append(System.lineSeparator()).toString());
    }

    private static DicomDataset withFileMeta(DicomInstance instance) {
        List<DataElement> all = new ArrayList<>(instance.fileMeta().elements());
        all.addAll(instance.dataset().elements());
        return DicomDataset.of(all);
    }
}
