package io.dicombq.adapter.out.dicom.part10;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Where {@link ByteInput} refills its buffer from: a file channel (seekable) or a stream. */
interface ByteSource {

    /** Reads up to {@code length} bytes at the source's current position; -1 at the end. */
    int read(byte[] target, int offset, int length) throws IOException;

    /** Moves the source's position forward by {@code count} bytes; false when it ends first. */
    boolean skip(long count) throws IOException;

    /** The total length when known, else -1. */
    long size();

    static ByteSource of(FileChannel channel, long size) {
        return new ChannelSource(channel, size);
    }

    static ByteSource of(InputStream stream) {
        return new StreamSource(stream);
    }

    /** A stream whose length its file system told (an object of gs://), so a value running past the end is found. */
    static ByteSource of(InputStream stream, long size) {
        return new StreamSource(stream, size);
    }

    /** A file: skipping is a seek, so bulk data is never read. */
    final class ChannelSource implements ByteSource {
        private final FileChannel channel;
        private final long size;

        ChannelSource(FileChannel channel, long size) {
            this.channel = channel;
            this.size = size;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            return channel.read(ByteBuffer.wrap(target, offset, length));
        }

        @Override
        public boolean skip(long count) throws IOException {
            long next = channel.position() + count;
            if (next > size) {
                channel.position(size);
                return false;
            }
            channel.position(next);
            return true;
        }

        @Override
        public long size() {
            return size;
        }
    }

    /** A stream, of unknown length (an upload, inflated data) unless told: skipping reads and discards. */
    final class StreamSource implements ByteSource {
        private final InputStream stream;
        private final long size;
        private byte[] scratch;

        StreamSource(InputStream stream) {
            this(stream, -1);
        }

        StreamSource(InputStream stream, long size) {
            this.stream = stream;
            this.size = size;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            return stream.read(target, offset, length);
        }

        @Override
        public boolean skip(long count) throws IOException {
            long remaining = count;
            while (remaining > 0) {
                long skipped = stream.skip(remaining);
                if (skipped > 0) {
                    remaining -= skipped;
                    continue;
                }
                // InputStream.skip may return 0 before the end: read to tell the end from a pause.
                if (scratch == null) {
                    scratch = new byte[8192];
                }
                int read = stream.read(scratch, 0, (int) Math.min(scratch.length, remaining));
                if (read < 0) {
                    return false;
                }
                remaining -= read;
            }
            return true;
        }

        @Override
        public long size() {
            return size;
        }
    }
}
