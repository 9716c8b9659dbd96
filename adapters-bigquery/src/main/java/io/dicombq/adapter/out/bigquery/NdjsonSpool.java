package io.dicombq.adapter.out.bigquery;

import io.dicombq.application.file.UncachedOutput;
import io.dicombq.domain.json.Utf8Buffer;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The export's rows as newline-delimited JSON on local disk, in segments: a segment is cut off and loaded while the
 * next one fills. Every segment's file stays until {@link #deleteAll}: the commit may load a segment again. Segments
 * are written and read past the page cache ({@link UncachedOutput}): each is read once soon after, and filling new
 * page-cache pages cost more than the disk (docs/BENCHMARKS.md, session 18).
 */
final class NdjsonSpool {

    /** A closed segment: its file, its rows, and the schema of its last batch (which covers all of them). */
    record Segment(Path file, long rows, TableSchema schema) {
    }

    /** A batch's text is rendered here whole, then written in one call; a buffer grown past this is not kept. */
    private static final int KEPT_BUFFER = 16 << 20;

    private final Path directory;
    private final List<Path> files = new ArrayList<>();
    private Utf8Buffer batchText = new Utf8Buffer(1 << 20);
    private OutputStream out;
    private long rows;
    private long bytes;
    private TableSchema schema;

    NdjsonSpool(Path directory) {
        this.directory = directory;
    }

    /**
     * Appends the batch to the segment being filled, opening one when none is. The batch is rendered as UTF-8 before
     * any of it is written, so a row that does not fit leaves the segment as it was.
     */
    void append(TableSchema batchSchema, List<Row> batch) throws IOException {
        batchText.clear();
        NdjsonRows.append(batchSchema, batch, batchText);
        if (out == null) {
            Path file = Files.createTempFile(directory, "dicombq-staged-", ".ndjson");
            files.add(file);
            out = UncachedOutput.create(file);
        }
        batchText.writeTo(out);
        bytes += batchText.length();
        rows += batch.size();
        schema = batchSchema;
        if (batchText.capacity() > KEPT_BUFFER) {
            batchText = new Utf8Buffer(1 << 20);
        }
    }

    /** Bytes in the segment being filled. */
    long pendingBytes() {
        return bytes;
    }

    /** Closes the segment being filled and returns it; empty when nothing was appended since the last cut. */
    Optional<Segment> cut() throws IOException {
        if (out == null) {
            return Optional.empty();
        }
        Segment segment = new Segment(files.get(files.size() - 1), rows, schema);
        closeWriter();
        rows = 0;
        bytes = 0;
        return Optional.of(segment);
    }

    /** Closes and deletes every segment; a file that cannot be deleted is left to the temporary directory's cleaner. */
    void deleteAll() {
        try {
            closeWriter();
        } catch (IOException e) {
            // The spool is temporary; failing to flush it must not hide the export's own outcome.
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // as above
            }
        }
    }

    private void closeWriter() throws IOException {
        if (out != null) {
            try {
                out.close();
            } finally {
                out = null;
            }
        }
    }
}
