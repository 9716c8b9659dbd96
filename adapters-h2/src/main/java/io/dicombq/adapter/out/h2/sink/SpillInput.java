package io.dicombq.adapter.out.h2.sink;

import java.nio.charset.StandardCharsets;

/** Reads one batch of staged rows written by {@link SpillOutput}, from a byte array. */
final class SpillInput {
    private final byte[] bytes;
    private int at;

    SpillInput(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return at;
    }

    void seek(int position) {
        at = position;
    }

    byte[] array() {
        return bytes;
    }

    void skip(int length) {
        at += length;
    }

    int get() {
        return bytes[at++];
    }

    int getVarInt() {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at++];
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    long getLong() {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at++] & 0xFF);
        }
        return value;
    }

    byte[] getBytes() {
        int length = getVarInt();
        byte[] value = new byte[length];
        System.arraycopy(bytes, at, value, 0, length);
        at += length;
        return value;
    }

    String getString() {
        int length = getVarInt();
        String value = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        return value;
    }
}
