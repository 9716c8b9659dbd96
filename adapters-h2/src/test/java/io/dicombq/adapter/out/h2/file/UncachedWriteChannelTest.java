package io.dicombq.adapter.out.h2.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole blocks go past the page cache, the rest through the ordinary descriptor, and the file holds what was written. */
class UncachedWriteChannelTest {
    private static final int BLOCK = 4096;

    @TempDir
    Path dir;

    @Test
    void wholeBlocksAtBlockBoundariesAreWrittenPastThePageCacheAndReadBack() throws IOException {
        Path file = dir.resolve("t.mv.db");
        byte[] expected = new byte[0];
        try (FileChannel channel = open(file)) {
            UncachedWriteChannel uncached = (UncachedWriteChannel) channel;
            // a chunk larger than the channel's aligned buffer, as from a heap buffer H2 serialised into
            byte[] chunk = random(9 * (1 << 20) + 3 * BLOCK, 1);
            assertThat(channel.write(ByteBuffer.wrap(chunk), 0)).isEqualTo(chunk.length);
            assertThat(uncached.uncachedBytes()).isEqualTo(chunk.length);
            // a header block from a slice of a larger buffer: only its remaining bytes are written
            byte[] header = random(3 * BLOCK, 2);
            ByteBuffer slice = ByteBuffer.wrap(header, BLOCK, BLOCK);
            channel.write(slice, 0);
            assertThat(slice.hasRemaining()).isFalse();
            expected = chunk.clone();
            System.arraycopy(header, BLOCK, expected, 0, BLOCK);
            assertThat(uncached.uncachedBytes()).isEqualTo(chunk.length + BLOCK);
            assertThat(channel.size()).isEqualTo(chunk.length);
            assertThat(read(channel, expected.length)).isEqualTo(expected);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }

    @Test
    void writesOffBlockBoundariesGoThroughTheOrdinaryDescriptorAndStayCoherentWithDirectOnes() throws IOException {
        Path file = dir.resolve("t.mv.db");
        byte[] expected = new byte[4 * BLOCK];
        try (FileChannel channel = open(file)) {
            UncachedWriteChannel uncached = (UncachedWriteChannel) channel;
            byte[] odd = random(BLOCK + 100, 3);
            channel.write(ByteBuffer.wrap(odd), 10);
            System.arraycopy(odd, 0, expected, 10, odd.length);
            byte[] shortBlock = random(BLOCK - 1, 4);
            channel.write(ByteBuffer.wrap(shortBlock), 2 * BLOCK);
            System.arraycopy(shortBlock, 0, expected, 2 * BLOCK, shortBlock.length);
            assertThat(uncached.uncachedBytes()).isZero();
            assertThat(read(channel, 3 * BLOCK - 1)).isEqualTo(Arrays.copyOf(expected, 3 * BLOCK - 1));

            // a direct write over bytes the page cache holds replaces them for later reads
            byte[] block = random(BLOCK, 5);
            channel.write(ByteBuffer.wrap(block), 0);
            System.arraycopy(block, 0, expected, 0, BLOCK);
            byte[] tail = random(BLOCK, 6);
            channel.write(ByteBuffer.wrap(tail), 3 * BLOCK);
            System.arraycopy(tail, 0, expected, 3 * BLOCK, BLOCK);
            assertThat(uncached.uncachedBytes()).isEqualTo(2 * BLOCK);
            assertThat(read(channel, expected.length)).isEqualTo(expected);
            channel.force(true);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }

    @Test
    void onlyAWritableDatabaseFileGetsTheSecondDescriptor() throws IOException {
        Path other = dir.resolve("t.trace.db");
        Files.write(other, new byte[BLOCK]);
        Files.write(dir.resolve("r.mv.db"), new byte[BLOCK]);
        UncachedWritePath.register();
        try (FileChannel trace = org.h2.store.fs.FilePath.get(UncachedWritePath.SCHEME + ":" + other).open("rw");
             FileChannel readOnly = org.h2.store.fs.FilePath.get(UncachedWritePath.databaseName(dir.resolve("r")) + ".mv.db")
                     .open("r");
             FileChannel database = org.h2.store.fs.FilePath.get(UncachedWritePath.databaseName(dir.resolve("t")) + ".mv.db")
                     .open("rw")) {
            assertThat(trace).isNotInstanceOf(UncachedWriteChannel.class);
            assertThat(readOnly).isNotInstanceOf(UncachedWriteChannel.class);
            assertThat(database).isInstanceOf(UncachedWriteChannel.class);
        }
    }

    @Test
    void aDirectWriteLeavesTheFileLockHeld() throws IOException {
        Path file = dir.resolve("t.mv.db");
        try (FileChannel channel = open(file)) {
            FileLock lock = channel.tryLock(0L, Long.MAX_VALUE, false);
            assertThat(lock).isNotNull();
            channel.write(ByteBuffer.wrap(random(BLOCK, 7)), 0);
            assertThat(lock.isValid()).isTrue();
            lock.release();
        }
    }

    @Test
    void thePrefixIsStrippedForTheFileSystemPath() {
        assertThat(UncachedWritePath.plainPath(UncachedWritePath.databaseName(Path.of("/d/warehouse")) + ".mv.db"))
                .isEqualTo(Path.of("/d/warehouse.mv.db"));
        assertThat(UncachedWritePath.plainPath("/d/warehouse.mv.db")).isEqualTo(Path.of("/d/warehouse.mv.db"));
    }

    private static FileChannel open(Path file) throws IOException {
        FileChannel plain = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel channel = UncachedWriteChannel.over(file, plain);
        // this test needs a file system that takes O_DIRECT (ext4 and xfs do; so does tmpfs since Linux 6.6)
        assertThat(channel).isInstanceOf(UncachedWriteChannel.class);
        return channel;
    }

    private static byte[] read(FileChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read until full
        }
        return buffer.array();
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
