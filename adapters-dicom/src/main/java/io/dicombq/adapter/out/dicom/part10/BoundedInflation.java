package io.dicombq.adapter.out.dicom.part10;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An inflating stream that fails once it has produced more than a limit, counting bytes read and skipped
 * alike: skipping inflated bulk data costs the same work, and a few hundred KiB can inflate to gigabytes
 * (issue 17: decompression bombs).
 */
final class BoundedInflation extends FilterInputStream {
    private final long limit;
    private long produced;

    BoundedInflation(InputStream inflating, long limit) {
        super(inflating);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int read = super.read(target, offset, (int) Math.min(length, limit - produced + 1));
        if (read > 0) {
            count(read);
        }
        return read;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = super.skip(Math.min(count, limit - produced + 1));
        if (skipped > 0) {
            count(skipped);
        }
        return skipped;
    }

    private void count(long bytes) throws HeaderTooLargeException {
        produced += bytes;
        if (produced > limit) {
            throw new HeaderTooLargeException("the deflated data set inflates to more than the header limit of "
                    + HeaderTooLargeException.limit(limit) + " before its pixel data (a decompression bomb?)");
        }
    }
}
