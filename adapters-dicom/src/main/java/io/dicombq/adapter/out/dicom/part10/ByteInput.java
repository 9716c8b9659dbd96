package io.dicombq.adapter.out.dicom.part10;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered reader over a DICOM byte stream with manual little/big-endian decoding straight from its
 * array, so the parsing loop makes no per-byte calls. The buffer grows only as data actually arrives,
 * so a lying length (e.g. 0xFFFFFFF0) in a stream of unknown size fails at the end of data, not with an
 * out-of-memory error; skipping seeks when the source allows it.
 */
final class ByteInput {
    private static final int DEFAULT_CAPACITY = 8 * 1024;

    private final ByteSource source;
    private final long size;
    /** Most bytes taken from the source into memory (ReadOptions.maxHeaderBytes); skips by seeking are free. */
    private final long readLimit;
    private long readFromSource;
    byte[] buffer;
    int position;
    int limit;
    /** Absolute offset of buffer[0] in the source. */
    private long bufferStart;
    private boolean sourceEnded;

    private ByteInput(ByteSource source, byte[] buffer, int limit, long size, long readLimit) {
        this.source = source;
        this.buffer = buffer;
        this.limit = limit;
        this.size = size;
        this.readLimit = readLimit;
        this.sourceEnded = source == null;
    }

    static ByteInput of(ByteSource source) {
        return of(source, Long.MAX_VALUE);
    }

    /** Fails with {@link HeaderTooLargeException} once more than {@code readLimit} bytes were read from the source. */
    static ByteInput of(ByteSource source, long readLimit) {
        long size = source.size();
        int capacity = size >= 0 ? (int) Math.min(DEFAULT_CAPACITY, Math.max(size, 16)) : DEFAULT_CAPACITY;
        return new ByteInput(source, new byte[capacity], 0, size, readLimit);
    }

    /**
     * As {@link #of(ByteSource, long)}, reading into {@code buffer} (one the caller reuses, {@link ReadBuffers}) and
     * growing it as that one grows; take it back from {@link #buffer} once nothing read is in use.
     */
    static ByteInput of(ByteSource source, long readLimit, byte[] buffer) {
        return new ByteInput(source, buffer, 0, source.size(), readLimit);
    }

    /** Reads the array in place, without copying it. */
    static ByteInput of(byte[] bytes, int offset, int length) {
        ByteInput input = new ByteInput(null, bytes, offset + length, length, Long.MAX_VALUE);
        input.position = offset;
        input.bufferStart = -offset;
        return input;
    }

    /** The absolute offset of the next byte. */
    long offset() {
        return bufferStart + position;
    }

    /** The total length when known, else -1. */
    long size() {
        return size;
    }

    /** Bytes left when the size is known, else Long.MAX_VALUE. */
    long remainingKnown() {
        return size >= 0 ? size - offset() : Long.MAX_VALUE;
    }

    boolean atEnd() throws IOException {
        return !request(1);
    }

    int available() {
        return limit - position;
    }

    /** Makes {@code count} bytes available at {@code buffer[position]}, or throws at the end of data. */
    void require(int count) throws IOException {
        if (limit - position < count && !request(count)) {
            throw new EOFException("needed " + count + " bytes at offset " + offset() + " but the data ends at "
                    + (bufferStart + limit));
        }
    }

    /** Tries to make {@code count} bytes available; false when the data ends first. */
    boolean request(int count) throws IOException {
        if (limit - position >= count) {
            return true;
        }
        if (sourceEnded) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferStart += position;
            limit -= position;
            position = 0;
        }
        while (limit < count) {
            if (limit == buffer.length) {
                // grow by doubling, never beyond what was asked nor past the read limit: memory follows the data
                // that really arrived, so a lying length in a stream fails at the end of data
                long wanted = Math.min(Math.max(count, 16), Math.max((long) buffer.length * 2, 16));
                byte[] grown = new byte[(int) Math.min(wanted, Math.max(readLimit + 1, buffer.length + 1L))];
                System.arraycopy(buffer, 0, grown, 0, limit);
                buffer = grown;
            }
            // what was asked and a little more, not the whole buffer: a reused one is larger than most headers, and
            // filling it would read pixel data that is then skipped
            int read = source.read(buffer, limit, (int) Math.min(buffer.length - limit,
                    Math.max((long) count - limit, DEFAULT_CAPACITY)));
            if (read < 0) {
                sourceEnded = true;
                return false;
            }
            limit += read;
            readFromSource += read;
            if (readFromSource > readLimit) {
                throw new HeaderTooLargeException("the header holds more than the limit of "
                        + HeaderTooLargeException.limit(readLimit) + " in memory");
            }
        }
        return true;
    }

    void skip(long count) throws IOException {
        int inBuffer = limit - position;
        if (count <= inBuffer) {
            position += (int) count;
            return;
        }
        long outside = count - inBuffer;
        bufferStart += limit;
        position = 0;
        limit = 0;
        if (sourceEnded || !source.skip(outside)) {
            sourceEnded = true;
            throw new EOFException("skipping " + count + " bytes runs past the end of the data");
        }
        bufferStart += outside;
    }

    int u8() throws IOException {
        require(1);
        return buffer[position++] & 0xFF;
    }

    int u16(boolean bigEndian) throws IOException {
        require(2);
        int value = u16At(buffer, position, bigEndian);
        position += 2;
        return value;
    }

    int i32(boolean bigEndian) throws IOException {
        require(4);
        int value = i32At(buffer, position, bigEndian);
        position += 4;
        return value;
    }

    byte[] bytes(int count) throws IOException {
        require(count);
        byte[] copy = new byte[count];
        System.arraycopy(buffer, position, copy, 0, count);
        position += count;
        return copy;
    }

    static int u16At(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF) : (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    static int i32At(byte[] b, int i, boolean bigEndian) {
        return bigEndian
                ? ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF)
                : (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16) | ((b[i + 3] & 0xFF) << 24);
    }

    static long i64At(byte[] b, int i, boolean bigEndian) {
        long first = i32At(b, i, bigEndian) & 0xFFFFFFFFL;
        long second = i32At(b, i + 4, bigEndian) & 0xFFFFFFFFL;
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }

    /** The rest of the data as a stream, starting at the current position (for deflated data sets). */
    InputStream remainder() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return request(1) ? buffer[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (!request(1)) {
                    return -1;
                }
                int count = Math.min(length, limit - position);
                System.arraycopy(buffer, position, target, offset, count);
                position += count;
                return count;
            }
        };
    }
}
