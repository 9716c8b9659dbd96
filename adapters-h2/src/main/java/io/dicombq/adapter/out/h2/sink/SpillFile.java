package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.value.Value;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The staged rows of one write, outside the database until commit. H2 2.3 cannot reopen a database that was
 * killed while ROW values were being written (its startup rollback reads them without their types), so staging
 * never writes ROW values into the warehouse; a crash leaves only this file, which the next open deletes. The
 * file is locked while in use so a second process never deletes a live one.
 *
 * <p>Each batch is checked and encoded in one walk ({@link RowEncoder}) into memory and appended only when every
 * row of it fits, so a refused batch leaves nothing behind.
 */
final class SpillFile implements AutoCloseable {
    static final String SUFFIX = ".rows";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final StringIds strings = new StringIds();
    private final SpillOutput buffer = new SpillOutput();
    private final RowEncoder encoder = new RowEncoder(strings, buffer);
    /** The schema, size and length of each batch in file order (the file holds values only; the schema may grow). */
    private final List<Batch> batches = new ArrayList<>();
    private long rows;
    private long length;

    private record Batch(TableSchema schema, int rows, long offset, int bytes) {
    }

    private SpillFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    static SpillFile create(Path directory) {
        try {
            Files.createDirectories(directory);
            Path path = directory.resolve(UUID.randomUUID() + SUFFIX);
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            return new SpillFile(path, channel, channel.lock());
        } catch (IOException e) {
            throw new DicombqException(new io.dicombq.domain.status.RpcError(Code.UNAVAILABLE,
                    "cannot create a staging file in " + directory + ": " + e.getMessage()), e);
        }
    }

    long rows() {
        return rows;
    }

    /**
     * Checks the batch against {@code schema} and appends it; a row that does not fit is INVALID_ARGUMENT naming
     * row and column, and then nothing of the batch is kept.
     */
    void append(TableSchema schema, List<Row> batch) {
        int mark = strings.count();
        buffer.reset();
        try {
            encoder.encode(schema, batch);
            if (batch.isEmpty()) {
                return;
            }
            ByteBuffer bytes = ByteBuffer.wrap(buffer.bytes(), 0, buffer.size());
            while (bytes.hasRemaining()) {
                channel.write(bytes, length + bytes.position());
            }
        } catch (IOException e) {
            strings.truncate(mark);
            throw new UncheckedIOException("cannot write the staging file " + path, e);
        } catch (RuntimeException e) {
            strings.truncate(mark);
            throw e;
        }
        synchronized (this) {
            batches.add(new Batch(schema, batch.size(), length, buffer.size()));
        }
        rows += batch.size();
        length += buffer.size();
    }

    /**
     * Hands the staged rows over in order, one at a time (only one batch is read at once): rows of batches staged
     * with {@code target} itself go to {@code values} as H2 values of its columns, decoded by {@code h2}; rows of
     * batches staged with an earlier, narrower schema go to {@code rows}.
     */
    void replay(TableSchema target, H2Values h2, Consumer<Value[]> values, Consumer<Row> rows) {
        Cursor cursor = cursor(h2);
        while (cursor.nextBatch(target)) {
            cursor.hand(Integer.MAX_VALUE, Integer.MAX_VALUE, values, rows);
        }
    }

    /** Reads the batches in order, from the first; another thread may use it while batches are being appended. */
    Cursor cursor(H2Values h2) {
        return new Cursor(h2);
    }

    /** The number of batches appended so far. */
    synchronized int batches() {
        return batches.size();
    }

    private synchronized Batch batch(int index) {
        return batches.get(index);
    }

    /**
     * A reader of the spill's batches in file order (numbered strings are defined before they are used): a batch is
     * read into memory by {@link #nextBatch}, then its rows are handed over by one or more calls of {@link #hand}.
     */
    final class Cursor {
        private final RowDecoder decoder;
        private byte[] bytes = new byte[0];
        private int next;
        private FieldPlan targetPlan;
        /** The batch read last, its rows not yet handed over, and whether they are of the target schema. */
        private SpillInput in;
        private FieldPlan plan;
        private int left;
        private boolean ofTarget;

        private Cursor(H2Values h2) {
            this.decoder = new RowDecoder(h2);
        }

        /**
         * Reads the next appended batch, whose rows {@link #hand} gives as H2 values of {@code target}'s columns if
         * it was staged with {@code target}, as rows otherwise; false when every appended batch was read.
         */
        boolean nextBatch(TableSchema target) {
            if (left > 0) {
                throw new IllegalStateException("rows of the previous batch were not handed over");
            }
            if (next == batches()) {
                return false;
            }
            Batch batch = batch(next++);
            if (bytes.length < batch.bytes()) {
                bytes = new byte[batch.bytes()];
            }
            read(batch);
            in = new SpillInput(bytes);
            left = batch.rows();
            ofTarget = batch.schema().equals(target);
            if (ofTarget) {
                if (targetPlan == null || !targetPlan.columns().equals(target.columns())) {
                    targetPlan = new FieldPlan(target.columns());
                }
                plan = targetPlan;
            } else {
                plan = new FieldPlan(batch.schema().columns());
            }
            return true;
        }

        /** Whether rows of the batch read last are still to be handed over. */
        boolean hasRows() {
            return left > 0;
        }

        /**
         * Hands over the next rows of the batch read last (see {@link #replay}): at most {@code maxRows}, and no
         * further row once those handed over took {@code maxBytes} of the spill.
         */
        void hand(int maxRows, int maxBytes, Consumer<Value[]> values, Consumer<Row> rows) {
            int start = in.position();
            for (int handed = 0; left > 0 && handed < maxRows && in.position() - start < maxBytes; handed++) {
                left--;
                if (ofTarget) {
                    values.accept(decoder.values(in, plan));
                } else {
                    rows.accept(decoder.row(in, plan));
                }
            }
        }

        private void read(Batch batch) {
            ByteBuffer read = ByteBuffer.wrap(bytes, 0, batch.bytes());
            try {
                while (read.hasRemaining()) {
                    if (channel.read(read, batch.offset() + read.position()) < 0) {
                        throw new UncheckedIOException("the staging file " + path + " ended early", new EOFException());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the staging file " + path, e);
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // deleting below is what matters
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover file is deleted at the next open
        }
    }

    /** Deletes staging files no live process holds (left by a crash). */
    static void deleteStale(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        lock.release();
                        Files.deleteIfExists(file);
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // held by this or another live process: not stale
                }
            }
        } catch (IOException ignored) {
            // nothing to clean
        }
    }
}
