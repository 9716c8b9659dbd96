package io.dicombq.application.file;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opening a file with O_DIRECT (open(2)): reads and writes that skip the page cache, in whole blocks at block
 * boundaries from a block-aligned buffer. On this project's virtual machines every byte written into newly allocated
 * page-cache pages cost about 2.5 ns (docs/BENCHMARKS.md, sessions 16 and 18); a file written once and read once
 * gains nothing from the cache.
 */
final class DirectIo {
    /** The largest block this accepts, and the most one direct read or write moves at a time. */
    static final int STAGE_BYTES = 1 << 20;

    private DirectIo() {
    }

    /** The file system's block size for {@code file}, when it takes O_DIRECT at all (tmpfs and some others refuse it). */
    static Optional<Integer> blockSize(Path file) {
        try {
            long block = Files.getFileStore(file).getBlockSize();
            return Long.bitCount(block) == 1 && block <= STAGE_BYTES ? Optional.of((int) block) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** {@code file} opened with O_DIRECT and {@code options}, or empty where the file system refuses it. */
    static Optional<FileChannel> open(Path file, OpenOption... options) {
        try {
            OpenOption[] direct = Stream.concat(Stream.of(options), Stream.of(ExtendedOpenOption.DIRECT))
                    .toArray(OpenOption[]::new);
            return Optional.of(FileChannel.open(file, direct));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** A buffer of {@link #STAGE_BYTES} whose address is a multiple of {@code block}, as O_DIRECT needs. */
    static ByteBuffer stage(int block) {
        return stage(block, STAGE_BYTES);
    }

    /**
     * An aligned buffer for about {@code bytes} (whole blocks, at least one, at most {@link #STAGE_BYTES}): a new
     * direct buffer's memory is zeroed, so a small write does not pay for a large one.
     */
    static ByteBuffer stage(int block, long bytes) {
        long whole = Math.max(block, (bytes + block - 1) / block * block);
        int size = (int) Math.min(STAGE_BYTES, whole);
        return ByteBuffer.allocateDirect(size + block).alignedSlice(block);
    }
}
