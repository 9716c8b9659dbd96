package io.dicombq.application.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Files written by {@link UncachedOutput} read back byte for byte through {@link UncachedInput} and through an
 * ordinary stream, whatever the sizes of the writes and reads; on a file system that takes O_DIRECT (the temporary
 * directory's ext4 here) little of them stays in the page cache.
 */
class UncachedFilesTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code content} in pieces of random sizes up to {@code piece}, reads it back in pieces of random sizes. */
    private static byte[] roundTrip(Path file, byte[] content, int piece, long seed) throws IOException {
        Random random = new Random(seed);
        try (OutputStream out = UncachedOutput.create(file)) {
            for (int at = 0; at < content.length; ) {
                int n = Math.min(content.length - at, 1 + random.nextInt(piece));
                if (n == 1 && random.nextBoolean()) {
                    out.write(content[at]);
                } else {
                    out.write(content, at, n);
                }
                at += n;
            }
        }
        byte[] read = new byte[content.length + 10];
        int length = 0;
        try (InputStream in = UncachedInput.open(file)) {
            for (int n; ; length += n) {
                n = random.nextInt(8) == 0 ? single(in, read, length) : in.read(read, length, Math.min(read.length - length, 1 + random.nextInt(piece)));
                if (n < 0) {
                    break;
                }
            }
            assertThat(in.read()).isEqualTo(-1);
        }
        return Arrays.copyOf(read, length);
    }

    private static int single(InputStream in, byte[] into, int at) throws IOException {
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        into[at] = (byte) b;
        return 1;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 511, 512, 4095, 4096, 4097, 65_537, (1 << 20) - 1, 1 << 20, (1 << 20) + 1,
            3 * (1 << 20) + 4_321})
    void everySizeReadsBackByteForByte(int size) throws IOException {
        byte[] content = bytes(size, size);
        Path file = dir.resolve("spool-" + size);
        for (int piece : new int[] {1_000, 100_000, 3 << 20}) {
            assertThat(roundTrip(file, content, piece, size + piece)).as("pieces up to %d", piece).isEqualTo(content);
            assertThat(Files.readAllBytes(file)).isEqualTo(content);
        }
    }

    /** An upload's way: each piece written by a stream resumed where the last detach left it, none open between. */
    @ParameterizedTest
    @ValueSource(ints = {37, 700, 4096, 100_003, 3 << 20})
    void piecesWrittenByResumedStreamsReadBackByteForByte(int piece) throws IOException {
        Path file = dir.resolve("resumed-" + piece);
        Files.createFile(file);
        // about 600 pieces at most: each resume opens the file and takes a buffer
        byte[] content = bytes((int) Math.min((2 << 20) + 12_345, piece * 300L + 12_345), piece);
        Random random = new Random(piece);
        UncachedOutput.Detached where = UncachedOutput.Detached.EMPTY;
        for (int at = 0; at < content.length; ) {
            int n = Math.min(content.length - at, 1 + random.nextInt(piece));
            OutputStream out = UncachedOutput.resume(file, where, n);
            out.write(content, at, n);
            where = UncachedOutput.detach(out, file);
            if (DirectIo.blockSize(file).isPresent()) {
                assertThat(where.written() % DirectIo.blockSize(file).get()).isZero();
                assertThat(Files.size(file)).isEqualTo(where.written());
            }
            assertThat(where.written() + where.pending().length).isEqualTo(at + n);
            at += n;
        }
        UncachedOutput.resume(file, where, 0).close();
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void resumingAfterAnUnalignedLengthAppendsPlainly() throws IOException {
        Path file = dir.resolve("unaligned");
        Files.write(file, bytes(1_000, 7));
        try (OutputStream out = UncachedOutput.resume(file, new UncachedOutput.Detached(1_000, bytes(10, 8)), 5)) {
            assertThat(out).isNotInstanceOf(UncachedOutput.class);
            out.write(bytes(5, 9));
        }
        byte[] expected = new byte[1_015];
        System.arraycopy(bytes(1_000, 7), 0, expected, 0, 1_000);
        System.arraycopy(bytes(10, 8), 0, expected, 1_000, 10);
        System.arraycopy(bytes(5, 9), 0, expected, 1_010, 5);
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }

    @Test
    void writingAgainReplacesTheFile() throws IOException {
        Path file = dir.resolve("again");
        roundTrip(file, bytes(2 << 20, 1), 50_000, 1);
        byte[] shorter = bytes(10_000, 2);
        assertThat(roundTrip(file, shorter, 3_000, 2)).isEqualTo(shorter);
        assertThat(Files.size(file)).isEqualTo(shorter.length);
    }

    @Test
    void transferToCopiesEveryByte() throws IOException {
        Path file = dir.resolve("transfer");
        byte[] content = bytes((5 << 20) + 3, 3);
        try (OutputStream out = UncachedOutput.create(file)) {
            out.write(content);
        }
        java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        try (InputStream in = UncachedInput.open(file)) {
            assertThat(in.transferTo(copy)).isEqualTo(content.length);
        }
        assertThat(copy.toByteArray()).isEqualTo(content);
    }

    @Test
    void writtenAndReadFilesStayOutOfThePageCache() throws Exception {
        Path file = dir.resolve("big");
        assumeThat(DirectIo.blockSize(file.getParent())).as("O_DIRECT where the tests run").isPresent();
        byte[] content = bytes(16 << 20, 4);
        try (OutputStream out = UncachedOutput.create(file)) {
            assertThat(out).isInstanceOf(UncachedOutput.class);
            out.write(content);
        }
        // through Files.newOutputStream all 16 MB were resident here
        assertThat(residentBytes(file)).isLessThan(content.length / 4);
        try (InputStream in = UncachedInput.open(file)) {
            assertThat(in).isInstanceOf(UncachedInput.class);
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(residentBytes(file)).isLessThan(content.length / 4);
    }

    /**
     * A file system that takes O_DIRECT at open but refuses its writes or reads (here: a block size too small for the
     * disk, so every direct call is misaligned and fails with EINVAL) still gets every byte, through the ordinary
     * descriptor.
     */
    @Test
    void directCallsTheFileSystemRefusesFallBackToOrdinaryOnes() throws IOException {
        Path file = dir.resolve("refused");
        assumeThat(DirectIo.blockSize(file.getParent())).as("O_DIRECT where the tests run").isPresent();
        byte[] content = bytes((3 << 20) + 1_001, 6);
        try (OutputStream out = UncachedOutput.create(file, f -> java.util.Optional.of(1))) {
            assertThat(out).isInstanceOf(UncachedOutput.class);
            out.write(content, 0, 1_000_001);
            out.write(content, 1_000_001, content.length - 1_000_001);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        try (InputStream in = UncachedInput.open(file, f -> java.util.Optional.of(1))) {
            assertThat(in).isInstanceOf(UncachedInput.class);
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    private static long residentBytes(Path file) throws IOException, InterruptedException {
        Process fincore = new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(fincore.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(fincore.waitFor(5, TimeUnit.MINUTES)).as("fincore ended").isTrue();
        assertThat(fincore.exitValue()).as(out).isZero();
        return Long.parseLong(out);
    }
}
