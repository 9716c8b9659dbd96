package io.dicombq.adapter.out.h2.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Buffered streams without locks for the spill file, which one thread writes and reads. DataOutputStream and
 * DataInputStream call the buffer once per byte of every int they write or read; the JDK's Buffered streams take a
 * monitor on each call, which cost more than the encoding of the staged rows themselves.
 */
final class UnsyncBuffered {
    private UnsyncBuffered() {
    }

    static final class Output extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer;
        private int count;

        Output(OutputStream out, int size) {
            this.out = out;
            this.buffer = new byte[size];
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                drain();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length >= buffer.length) {
                drain();
                out.write(bytes, offset, length);
                return;
            }
            if (length > buffer.length - count) {
                drain();
            }
            System.arraycopy(bytes, offset, buffer, count, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }

        private void drain() throws IOException {
            if (count > 0) {
                out.write(buffer, 0, count);
                count = 0;
            }
        }
    }

    static final class Input extends InputStream {
        private final InputStream in;
        private final byte[] buffer;
        private int position;
        private int limit;

        Input(InputStream in, int size) {
            this.in = in;
            this.buffer = new byte[size];
        }

        @Override
        public int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == limit) {
                if (length >= buffer.length) {
                    return in.read(bytes, offset, length);
                }
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, bytes, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            position = 0;
            limit = Math.max(n, 0);
            return n > 0;
        }
    }
}
