package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The export's rows as newline-delimited JSON on local disk, in segments: a segment is cut off and loaded while the
 * next one fills. Every segment's file stays until {@link #deleteAll}: the commit may load a segment again.
 */
final class NdjsonSpool {

    /** A closed segment: its file, its rows, and the schema of its last batch (which covers all of them). */
    record Segment(Path file, long rows, TableSchema schema) {
    }

    private final Path directory;
    private final List<Path> files = new ArrayList<>();
    private BufferedWriter writer;
    private long rows;
    private long chars;
    private TableSchema schema;

    NdjsonSpool(Path directory) {
        this.directory = directory;
    }

    /** Appends the batch to the segment being filled, opening one when none is. */
    void append(TableSchema batchSchema, List<Row> batch) throws IOException {
        if (writer == null) {
            Path file = Files.createTempFile(directory, "dicombq-staged-", ".ndjson");
            files.add(file);
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
        chars += NdjsonRows.append(batchSchema, batch, writer);
        rows += batch.size();
        schema = batchSchema;
    }

    /** Characters in the segment being filled (bytes, for the ASCII text exports write). */
    long pendingChars() {
        return chars;
    }

    /** Closes the segment being filled and returns it; empty when nothing was appended since the last cut. */
    Optional<Segment> cut() throws IOException {
        if (writer == null) {
            return Optional.empty();
        }
        Segment segment = new Segment(files.get(files.size() - 1), rows, schema);
        closeWriter();
        rows = 0;
        chars = 0;
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
        if (writer != null) {
            try {
                writer.close();
            } finally {
                writer = null;
            }
        }
    }
}
