package io.dicombq.domain.dicom;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Binary values as base64 text (RFC 4648, with padding) with one allocation: {@code Base64.Encoder.encodeToString}
 * allocates the encoded bytes and then a copy of them for the String (JDK 17), and the private binary values of a
 * realistic instance (10-40 KB each) made that a tenth of an export's allocations.
 */
final class Base64Text {
    /**
     * Values past this many base64 characters are encoded the JDK's way: every thread that encodes keeps its array
     * (a server's request threads too), so it stays small; vendor blocks of up to 96 KB fit.
     */
    static final int SCRATCH_LIMIT = 128 * 1024;
    private static final int FIRST_SCRATCH = 64 * 1024;
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][]);

    private Base64Text() {
    }

    static int length(int bytes) {
        return (bytes + 2) / 3 * 4;
    }

    static String of(byte[] bytes) {
        int length = length(bytes.length);
        if (length > SCRATCH_LIMIT) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        byte[][] holder = SCRATCH.get();
        byte[] scratch = holder[0];
        if (scratch == null || scratch.length < length) {
            scratch = new byte[Math.min(SCRATCH_LIMIT, Math.max(FIRST_SCRATCH, length * 2))];
            holder[0] = scratch;
        }
        int written = Base64.getEncoder().encode(bytes, scratch);
        // base64 is ASCII: ISO-8859-1 makes the String's Latin-1 array with one copy and no decoding
        return new String(scratch, 0, written, StandardCharsets.ISO_8859_1);
    }
}
