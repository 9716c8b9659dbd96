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
import io.dicombq.domain.json.Utf8Buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of {@code dicombq dump}: each file read and written as one line of DICOM JSON, in argument order. Many
 * files are read and written on every core (the calling thread too), a bounded window of them at a time, and printed
 * in their order. The JSON is made as UTF-8 bytes, which go to a byte stream as they are.
 */
final class JsonLinesDump {
    /**
     * Files in flight per thread: enough to keep every core busy while a slow file holds the head of the line, few
     * enough that memory stays that of a handful of files (each file's JSON is held until its turn to print).
     */
    private static final int WINDOW_PER_THREAD = 4;
    private static final int BUFFER = 16 * 1024;
    /** A thread's JSON buffer is reused for its next file unless an unusually large file made it grow past this. */
    private static final int KEPT_BUFFER = 1 << 20;

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

    /** What one file gave: its line (UTF-8, without the line separator), why it could not be read, or a failure of dicombq. */
    private sealed interface Outcome {
        record Line(byte[] utf8) implements Outcome {
        }

        record Unreadable(String message) implements Outcome {
        }

        record Failed(Throwable error) implements Outcome {
        }
    }

    /** Where the lines go: bytes (standard output whose charset is UTF-8), or text (picocli's writer, a test's). */
    private sealed interface Lines {
        void print(byte[] utf8);

        void flush();

        record Utf8(OutputStream out, byte[] separator) implements Lines {
            @Override
            public void print(byte[] utf8) {
                try {
                    out.write(utf8);
                    out.write(separator);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the JSON: " + e.getMessage(), e);
                }
            }

            @Override
            public void flush() {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the JSON: " + e.getMessage(), e);
                }
            }
        }

        record Text(PrintWriter out) implements Lines {
            @Override
            public void print(byte[] utf8) {
                out.write(new String(utf8, StandardCharsets.UTF_8));
                out.write(System.lineSeparator());
            }

            @Override
            public void flush() {
                out.flush();
            }
        }
    }

    /** Prints every file's line on {@code out} and every unreadable file's error on {@code err}; 1 if any failed. */
    int run(PrintWriter out, PrintWriter err) {
        return run(new Lines.Text(out), err);
    }

    /** As {@link #run(PrintWriter, PrintWriter)}, the lines written to {@code out} as UTF-8 bytes. */
    int run(OutputStream out, PrintWriter err) {
        return run(new Lines.Utf8(out, System.lineSeparator().getBytes(StandardCharsets.UTF_8)), err);
    }

    private int run(Lines out, PrintWriter err) {
        int[] failures = {0};
        InOrder<Outcome> order = new InOrder<>(options.files().size(), threads * WINDOW_PER_THREAD,
                outcome -> failures[0] += print(outcome, out, err));
        try {
            List<Thread> helpers = new ArrayList<>();
            for (int i = 1; i < threads; i++) {
                Thread helper = new Thread(() -> {
                    try {
                        dumpAll(order);
                    } catch (RuntimeException | Error e) {
                        order.stop(e); // the calling thread throws it, once the helpers are done
                    }
                }, "dump");
                helper.setDaemon(true);
                helper.start();
                helpers.add(helper);
            }
            try {
                dumpAll(order);
            } finally {
                joinAll(helpers);
            }
            rethrow(order.failure());
            return failures[0] == 0 ? 0 : DicombqCommand.EXIT_FAILED;
        } finally {
            // also when a file's JSON failed: the lines before it are out before the error line
            out.flush();
            err.flush();
        }
    }

    /** Claims files and dumps them until none is left; a failure is thrown by whichever thread prints it. */
    private void dumpAll(InOrder<Outcome> order) {
        Utf8Buffer json = new Utf8Buffer(BUFFER);
        for (int index = order.claim(); index >= 0; index = order.claim()) {
            order.complete(index, dump(options.files().get(index), json));
            if (json.capacity() > KEPT_BUFFER) {
                json = new Utf8Buffer(BUFFER);
            }
        }
    }

    private static void joinAll(List<Thread> helpers) {
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // they are daemons, and the order stopped handing over
            }
        }
    }

    /** What stopped the work, thrown here as the sequential loop would have thrown it. */
    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    private static int print(Outcome outcome, Lines out, PrintWriter err) {
        if (outcome instanceof Outcome.Line line) {
            out.print(line.utf8());
            return 0;
        }
        if (outcome instanceof Outcome.Failed failed) {
            rethrow(failed.error());
        }
        // the lines before it are out first, so stdout and stderr keep the argument order
        out.flush();
        err.println("dicombq dump: " + ((Outcome.Unreadable) outcome).message());
        err.flush();
        return 1;
    }

    private Outcome dump(Path file, Utf8Buffer json) {
        try {
            DicomInstance instance;
            try {
                instance = reader.readContent(file);
            } catch (DicomParseException | UncheckedIOException e) {
                return new Outcome.Unreadable(e.getMessage());
            }
            DicomDataset dataset = options.fileMeta() ? withFileMeta(instance) : instance.dataset();
            json.clear();
            writer.write(dataset, options.pretty() ? JsonWriter.pretty(json) : JsonWriter.compact(json));
            return new Outcome.Line(json.toByteArray());
        } catch (RuntimeException | Error e) {
            return new Outcome.Failed(e); // thrown when its turn to print comes, after the lines before it
        }
    }

    private static DicomDataset withFileMeta(DicomInstance instance) {
        List<DataElement> all = new ArrayList<>(instance.fileMeta().elements());
        all.addAll(instance.dataset().elements());
        return DicomDataset.of(all);
    }
}
