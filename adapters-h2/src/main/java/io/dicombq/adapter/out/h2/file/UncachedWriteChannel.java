package io.dicombq.adapter.out.h2.file;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A database file whose writes of whole blocks at block boundaries (H2's chunks and store headers: MVStore writes
 * in 4 KB blocks) go through a second descriptor opened with O_DIRECT, and everything else, reads included, through
 * the ordinary one. An export writes its table once and does not read it back, and copying a gigabyte into newly
 * allocated page-cache pages cost a tenth of a realistic export's CPU (docs/BENCHMARKS.md, session 16); the kernel
 * keeps the two descriptors coherent (a direct write drops the cached pages of its range). Where the file system
 * refuses O_DIRECT (tmpfs, some network file systems), the ordinary descriptor does everything.
 */
final class UncachedWriteChannel extends FileChannel {
    /** The most one direct write takes: H2's chunks of a loading table are 3-4 MB (RowWriteGate). */
    private static final int STAGE_BYTES = 4 << 20;
    private final FileChannel plain;
    private final FileChannel direct;
    private final long block;
    /** The aligned buffer direct writes go through, allocated at the first one (most warehouses of tests write none). */
    private ByteBuffer stage;
    /** Bytes written past the page cache, for tests. */
    private final AtomicLong uncachedBytes = new AtomicLong();
    /** Set when a direct write failed: the ordinary descriptor does the rest (and reports a full disk in its turn). */
    private volatile boolean refused;

    private UncachedWriteChannel(FileChannel plain, FileChannel direct, long block) {
        this.plain = plain;
        this.direct = direct;
        this.block = block;
    }

    /** {@code plain} with block writes past the page cache, or {@code plain} itself where O_DIRECT is refused. */
    static FileChannel over(Path path, FileChannel plain) {
        FileChannel direct;
        long block;
        try {
            block = Files.getFileStore(path).getBlockSize();
            if (Long.bitCount(block) != 1 || block > STAGE_BYTES) {
                return plain;
            }
            direct = FileChannel.open(path, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return plain;
        }
        return new UncachedWriteChannel(plain, direct, block);
    }

    long uncachedBytes() {
        return uncachedBytes.get();
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        int length = src.remaining();
        if (refused || length == 0 || position % block != 0 || length % block != 0) {
            return plain.write(src, position);
        }
        int start = src.position();
        try {
            writeDirect(src, position);
            uncachedBytes.addAndGet(length);
            return length;
        } catch (IOException e) {
            // a file system that opened the descriptor but will not write through it (EINVAL), or a full disk: write it
            // again plainly, whole, which reports a real failure; the direct descriptor stays open until close, since
            // closing any descriptor of the file drops the process's lock on it (POSIX record locks), H2's included
            refused = true;
            src.position(start);
            return plain.write(src, position);
        }
    }

    /**
     * Copies {@code src} into an aligned buffer of this channel's, a piece at a time: O_DIRECT needs the memory aligned
     * too, and the JDK's own temporary buffer for a heap buffer on a direct channel fails when released (JDK 17:
     * NullPointerException from an aligned slice's missing cleaner).
     */
    private synchronized void writeDirect(ByteBuffer src, long position) throws IOException {
        if (stage == null) {
            stage = ByteBuffer.allocateDirect(STAGE_BYTES + (int) block).alignedSlice((int) block);
        }
        long at = position;
        while (src.hasRemaining()) {
            ByteBuffer piece = src.slice();
            piece.limit(Math.min(piece.limit(), STAGE_BYTES));
            stage.clear();
            stage.put(piece);
            stage.flip();
            src.position(src.position() + stage.limit());
            while (stage.hasRemaining()) {
                at += direct.write(stage, at);
            }
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return plain.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return plain.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return plain.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return plain.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return plain.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return plain.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        plain.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return plain.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        plain.truncate(size);
        return this;
    }

    /** One fsync of the file covers both descriptors: the data, the size and the disk's own cache. */
    @Override
    public void force(boolean metaData) throws IOException {
        plain.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return plain.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return plain.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return plain.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return plain.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return plain.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        synchronized (this) {
            stage = null;
        }
        try {
            direct.close();
        } finally {
            plain.close();
        }
    }
}
