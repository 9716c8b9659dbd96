package io.dicombq.adapter.out.h2.sink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array the encoder writes one batch of staged rows into: the batch reaches the spill file only
 * once every row of it has been checked. Lengths and counts are unsigned LEB128 varints.
 */
final class SpillOutput {
    /** Above this length a string is encoded in bulk rather than char by char. */
    private static final int BULK_STRING = 64;

    private byte[] bytes = new byte[1 << 16];
    private int size;

    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    void reset() {
        size = 0;
    }

    void put(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void putVarInt(int value) {
        if ((value & ~0x7F) == 0 && size < bytes.length) {
            bytes[size++] = (byte) value;
            return;
        }
        ensure(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    void putLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    void putBytes(byte[] value) {
        putVarInt(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /**
     * UTF-8 with its byte length in front. Short ASCII strings (nearly every DICOM value) are copied char by char;
     * long ones (base64 private binary values, 10-40 KB) through {@link String#getBytes}, whose ASCII check and copy
     * are vectorised, where the char loop cost as much as H2's own write of the value.
     */
    void putString(String value) {
        int length = value.length();
        if (length > BULK_STRING) {
            putBytes(value.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ensure(length + 5);
        int start = size;
        putVarInt(length);
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                size = start;
                putBytes(value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[at++] = (byte) c;
        }
        size = at;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            grow(more);
        }
    }

    /**
     * Out of line: every put inlines {@link #ensure}, and C2 compiled this rarely taken copy (an allocation and an
     * array copy) into each of them, sixteen times in the encoder's value switch (docs/BENCHMARKS.md, session 9).
     */
    private void grow(int more) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
}
