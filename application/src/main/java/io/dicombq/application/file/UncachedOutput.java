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
 * once ({@link UncachedInput}).
 */
public final class UncachedOutput extends OutputStream {
    private final FileChannel direct;
    private final Path file;
    private final int block;
    private final ByteBuffer stage;
    /** The ordinary descriptor: for the last, partial block, and for everything once a direct write failed. */
    private FileChannel plain;
    private long written;
    private boolean closed;

    private UncachedOutput(Path file, FileChannel direct, int block) {
        this.file = file;
        this.direct = direct;
        this.block = block;
        this.stage = DirectIo.stage(block);
    }

    /** A stream writing {@code file} from its start, created or emptied first. */
    public static OutputStream create(Path file) throws IOException {
        return create(file, DirectIo::blockSize);
    }

    /** {@link #create(Path)} aligning to the block {@code blockSize} gives (a test gives one O_DIRECT refuses). */
    static OutputStream create(Path file, Function<Path, Optional<Integer>> blockSize) throws IOException {
        OutputStream plain = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        Optional<Integer> block = blockSize.apply(file);
        Optional<FileChannel> direct = block.isPresent()
                ? DirectIo.open(file, StandardOpenOption.WRITE) : Optional.empty();
        if (direct.isEmpty()) {
            return new BufferedOutputStream(plain, 1 << 16);
        }
        plain.close();
        return new UncachedOutput(file, direct.get(), block.get());
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
        closed = true;
        try (direct) {
            writeWholeBlocks();
            if (stage.position() > 0) {
                // The last, partial block: O_DIRECT writes whole blocks only.
                stage.flip();
                if (plain == null) {
                    plain = FileChannel.open(file, StandardOpenOption.WRITE);
                }
                writeStage();
            }
        } finally {
            if (plain != null) {
                plain.close();
            }
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed: " + file);
        }
    }
}
