package io.dicombq.application.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a new file from its start, in order, past the page cache ({@link DirectIo}): whole blocks go through a
 * descriptor opened with O_DIRECT, and only the last, partial block through an ordinary one at close. Where the file
 * system refuses O_DIRECT it is an ordinary buffered stream. For spools and uploads that are written once and read
 * once ({@link UncachedInput}); a file that arrives in pieces is written a piece at a time ({@link #append}).
 */
public final class UncachedOutput extends OutputStream {
    private final FileChannel direct;
    private final Path file;
    private final int block;
    private final ByteBuffer stage;
    /** The ordinary descriptor, once a direct write failed. */
    private FileChannel plain;
    private long written;
    private boolean closed;

    private UncachedOutput(Path file, FileChannel direct, int block, ByteBuffer stage) {
        this.file = file;
        this.direct = direct;
        this.block = block;
        this.stage = stage;
    }

    /** A stream writing {@code file} from its start, created or emptied first. */
    public static OutputStream create(Path file) throws IOException {
        return create(file, DirectIo::blockSize);
    }

    /** {@link #create(Path)} aligning to the block {@code blockSize} gives (a test gives one O_DIRECT refuses). */
    static OutputStream create(Path file, Function<Path, Optional<Integer>> blockSize) throws IOException {
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING).close();
        return open(file, Detached.EMPTY, DirectIo.STAGE_BYTES, blockSize);
    }

    /**
     * Where a stream from {@link #create} or {@link #resume} stopped: the bytes in the file (whole blocks when it
     * writes past the page cache) and those after them, not written yet.
     */
    public record Detached(long written, byte[] pending) {
        /** A file with nothing in it yet. */
        public static final Detached EMPTY = new Detached(0, new byte[0]);
    }

    /**
     * Adds {@code bytes[offset, offset + length)} to {@code file} where {@code where} left it, and returns where it
     * is left now, holding no descriptor or buffer: for a file that arrives in pieces far apart (an upload's chunks).
     * {@link #finish} writes the last, partial block.
     */
    public static Detached append(Path file, Detached where, byte[] bytes, int offset, int length) throws IOException {
        OutputStream out = resume(file, where, length);
        try {
            out.write(bytes, offset, length);
            return detach(out, file);
        } catch (IOException e) {
            try {
                out.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Writes what {@link #append} left pending: the file is complete. */
    public static void finish(Path file, Detached where) throws IOException {
        resume(file, where, 0).close();
    }

    /**
     * A stream going on with {@code file} where a {@link #detach} left it, about to be given {@code coming} more bytes
     * (it sizes its buffer by them).
     */
    static OutputStream resume(Path file, Detached where, int coming) throws IOException {
        return open(file, where, (long) where.pending().length + coming, DirectIo::blockSize);
    }

    /**
     * A stream going on with {@code file} at {@code where}, with a buffer for about {@code bytes}: past the page cache
     * when the file system takes O_DIRECT and the file's length is whole blocks, else an ordinary appending one.
     */
    private static OutputStream open(Path file, Detached where, long bytes,
                                     Function<Path, Optional<Integer>> blockSize) throws IOException {
        Optional<Integer> block = blockSize.apply(file).filter(b -> where.written() % b == 0);
        Optional<FileChannel> direct = block.isPresent()
                ? DirectIo.open(file, StandardOpenOption.WRITE) : Optional.empty();
        OutputStream out;
        if (direct.isEmpty()) {
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), 1 << 16);
        } else {
            UncachedOutput uncached = new UncachedOutput(file, direct.get(), block.get(),
                    DirectIo.stage(block.get(), bytes));
            uncached.written = where.written();
            out = uncached;
        }
        out.write(where.pending());
        return out;
    }

    /**
     * Writes what fills whole blocks and closes the stream without the last, partial block, which it returns for a
     * later {@link #resume}; a plain stream (where O_DIRECT is refused) writes everything.
     */
    static Detached detach(OutputStream stream, Path file) throws IOException {
        if (stream instanceof UncachedOutput out) {
            return out.detach();
        }
        stream.close();
        return new Detached(Files.size(file), new byte[0]);
    }

    private Detached detach() throws IOException {
        requireOpen();
        closed = true;
        try (direct) {
            writeWholeBlocks();
            byte[] pending = new byte[stage.position()];
            stage.flip().get(pending);
            return new Detached(written, pending);
        } finally {
            if (plain != null) {
                plain.close();
            }
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        requireOpen();
        while (length > 0) {
            int n = Math.min(length, stage.remaining());
            stage.put(bytes, offset, n);
            offset += n;
            length -= n;
            if (!stage.hasRemaining()) {
                writeWholeBlocks();
            }
        }
    }

    /** Writes the whole blocks the stage holds with O_DIRECT and keeps the partial one at the stage's start. */
    private void writeWholeBlocks() throws IOException {
        int end = stage.position();
        int whole = end / block * block;
        if (whole == 0) {
            return;
        }
        stage.flip().limit(whole);
        writeStage();
        stage.limit(end).compact(); // the partial block's bytes move to the stage's start
    }

    /**
     * Writes the stage's remaining bytes at the file's end: with O_DIRECT, or through an ordinary descriptor once a
     * direct write failed (a file system may refuse it only when writing; a full disk then fails in its turn there).
     */
    private void writeStage() throws IOException {
        while (stage.hasRemaining()) {
            if (plain == null) {
                try {
                    written += direct.write(stage, written);
                    continue;
                } catch (IOException e) {
                    plain = FileChannel.open(file, StandardOpenOption.WRITE);
                }
            }
            written += plain.write(stage, written);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        Detached rest = detach();
        if (rest.pending().length > 0) {
            // The last, partial block: O_DIRECT writes whole blocks only.
            ByteBuffer tail = ByteBuffer.wrap(rest.pending());
            try (FileChannel last = FileChannel.open(file, StandardOpenOption.WRITE)) {
                for (long at = rest.written(); tail.hasRemaining(); ) {
                    at += last.write(tail, at);
                }
            }
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed: " + file);
        }
    }
}
