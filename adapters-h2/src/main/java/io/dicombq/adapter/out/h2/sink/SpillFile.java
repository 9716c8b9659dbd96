package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.value.Value;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
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
 */
final class SpillFile implements AutoCloseable {
    static final String SUFFIX = ".rows";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final DataOutputStream out;
    /** The schema and size of each batch in file order (the file holds values only; the schema may grow). */
    private final List<Batch> batches = new ArrayList<>();
    private long rows;

    private record Batch(TableSchema schema, int rows) {
    }

    private SpillFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.out = new DataOutputStream(new UnsyncBuffered.Output(Channels.newOutputStream(channel), 1 << 16));
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

    /** Appends a batch that fits {@code schema} (checked by the caller); its rows are read back with it. */
    void append(TableSchema schema, List<Row> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            for (Row row : batch) {
                RowCodec.writeRow(out, row, schema.columns());
            }
            batches.add(new Batch(schema, batch.size()));
            rows += batch.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the staging file " + path, e);
        }
    }

    /**
     * Hands the staged rows over in order, one at a time (only one decoded row is alive): rows of batches staged
     * with {@code target} itself go to {@code values} as H2 values of its columns, decoded by {@code h2}; rows of
     * batches staged with an earlier, narrower schema go to {@code rows}.
     */
    void replay(TableSchema target, H2Values h2, Consumer<Value[]> values, Consumer<Row> rows) {
        try {
            out.flush();
            try (DataInputStream in = new DataInputStream(new UnsyncBuffered.Input(Files.newInputStream(path), 1 << 16))) {
                for (Batch batch : batches) {
                    boolean direct = batch.schema().equals(target);
                    for (int i = 0; i < batch.rows(); i++) {
                        if (direct) {
                            values.accept(RowCodec.readValues(in, target.columns(), h2));
                        } else {
                            rows.accept(RowCodec.readRow(in, batch.schema().columns()));
                        }
                    }
                }
            }
        } catch (EOFException e) {
            throw new UncheckedIOException("the staging file " + path + " ended early", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staging file " + path, e);
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
