package io.dicombq.adapter.out.dicom.part10;

/**
 * One read buffer per thread, reused from file to file: a new one for each file, grown by doubling to the size of its
 * header, was 7 % of a realistic export's allocations (docs/BENCHMARKS.md, session 21).
 */
final class ReadBuffers {
    /**
     * A buffer grown past this (a header of more than 256 KB) is left to the collector rather than kept: every thread
     * that reads keeps its buffer, a server's request threads too.
     */
    static final int KEPT = 256 * 1024;
    private static final int FIRST = 64 * 1024;
    private static final ThreadLocal<byte[][]> HELD = ThreadLocal.withInitial(() -> new byte[1][]);

    private ReadBuffers() {
    }

    /** This thread's buffer, which is its own until {@link #give} (a read inside a read gets a new one). */
    static byte[] take() {
        byte[][] held = HELD.get();
        byte[] buffer = held[0];
        held[0] = null;
        return buffer != null ? buffer : new byte[FIRST];
    }

    static void give(byte[] buffer) {
        if (buffer.length <= KEPT) {
            HELD.get()[0] = buffer;
        }
    }
}
