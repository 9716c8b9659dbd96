package io.dicombq.application.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a file from its start, in order, past the page cache ({@link DirectIo}): whole blocks into an aligned
 * buffer through a descriptor opened with O_DIRECT (the last read is short where the file ends). Where the file
 * system refuses O_DIRECT it is an ordinary buffered stream.
 */
public final class UncachedInput extends InputStream {
    private final Path file;
    private final FileChannel direct;
    /** The ordinary descriptor, once a direct read failed. */
    private FileChannel plain;
    private final int block;
    private final ByteBuffer stage;
    private long position;
    private boolean ended;

    private UncachedInput(Path file, FileChannel direct, int block) {
        this.file = file;
        this.direct = direct;
        this.block = block;
        this.stage = DirectIo.stage(block);
        stage.limit(0);
    }

    /** A stream of {@code file}'s bytes. */
    public static InputStream open(Path file) throws IOException {
        return open(file, DirectIo::blockSize);
    }

    /** {@link #open(Path)} aligning to the block {@code blockSize} gives (a test gives one O_DIRECT refuses). */
    static InputStream open(Path file, Function<Path, Optional<Integer>> blockSize) throws IOException {
        Optional<Integer> block = blockSize.apply(file);
        Optional<FileChannel> direct = block.isPresent() ? DirectIo.open(file, StandardOpenOption.READ) : Optional.empty();
        if (direct.isEmpty()) {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        }
        return new UncachedInput(file, direct.get(), block.get());
    }

    @Override
    public int read() throws IOException {
        return fill() ? stage.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, stage.remaining());
        stage.get(bytes, offset, n);
        return n;
    }

    /** Whether bytes are left, reading the next blocks when the stage is empty. */
    private boolean fill() throws IOException {
        while (!stage.hasRemaining()) {
            if (ended) {
                return false;
            }
            stage.clear();
            int n = readStage();
            if (n <= 0) {
                ended = true;
                stage.limit(0);
                return false;
            }
            position += n;
            // Only the file's end makes an O_DIRECT read end inside a block; an ordinary one reads on until it gets 0.
            ended = plain == null && n % block != 0;
            stage.flip();
        }
        return true;
    }

    /**
     * Reads into the stage at {@link #position}: with O_DIRECT, or through an ordinary descriptor once a direct read
     * failed (a file system may refuse it only when reading).
     */
    private int readStage() throws IOException {
        if (plain == null) {
            try {
                return direct.read(stage, position);
            } catch (IOException e) {
                plain = FileChannel.open(file, StandardOpenOption.READ);
            }
        }
        return plain.read(stage, position);
    }

    @Override
    public void close() throws IOException {
        try (direct) {
            if (plain != null) {
                plain.close();
            }
        }
    }
}
