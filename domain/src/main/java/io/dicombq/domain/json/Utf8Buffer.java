package io.dicombq.domain.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A growable buffer of UTF-8 text that a {@link JsonWriter} writes into as bytes: no chars, no String, no charset
 * encoder between the values and the output (dicombq dump writes it to standard output as it is). Reusable with
 * {@link #clear()}.
 */
public final class Utf8Buffer {
    private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);
    /** Long.MIN_VALUE, whose magnitude no long holds. */
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int length;

    public Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public int length() {
        return length;
    }

    /** The capacity the buffer grew to: a caller reusing it may drop one that grew for an unusually large text. */
    public int capacity() {
        return bytes.length;
    }

    public void clear() {
        length = 0;
    }

    /** Drops what was appended after the first {@code length} bytes (a caller undoing a partly written text). */
    public void truncate(int length) {
        if (length < 0 || length > this.length) {
            throw new IndexOutOfBoundsException("cannot truncate " + this.length + " bytes to " + length);
        }
        this.length = length;
    }

    /** Appends a line feed: newline-delimited JSON ends each value with one. */
    public void newline() {
        ascii('\n');
    }

    /** Writes the text to {@code out} as it is, without a copy. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The text (the buffer holds well-formed UTF-8 only). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    void ascii(char c) {
        if (length == bytes.length) {
            grow(1);
        }
        bytes[length++] = (byte) c;
    }

    /** Text the caller knows to be ASCII (a number, a literal, a DICOM tag): its chars are its bytes. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) drops each char's high byte: ASCII has none
    void ascii(String text) {
        int count = text.length();
        ensure(count);
        text.getBytes(0, count, bytes, length);
        length += count;
    }

    void append(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    /** Any text, encoded as String.getBytes(UTF_8) encodes it (an unpaired surrogate becomes '?'). */
    void utf8(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        append(encoded, 0, encoded.length);
    }

    /** Long.toString's digits, written in place. */
    void decimal(long value) {
        if (value == Long.MIN_VALUE) {
            append(MIN_LONG, 0, MIN_LONG.length);
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = length + digits;
        do {
            bytes[--at] = DIGITS[(int) (value % 10)];
            value /= 10;
        } while (value != 0);
        length += digits;
    }

    /** RFC 4648 4 base64 of {@code data}, with padding (Base64.getEncoder()). */
    void base64(byte[] data) {
        byte[] encoded = Base64.getEncoder().encode(data);
        append(encoded, 0, encoded.length);
    }

    private void ensure(int count) {
        if (bytes.length - length < count) {
            grow(count);
        }
    }

    private void grow(int count) {
        long wanted = Math.max((long) length + count, (long) bytes.length * 2);
        if (wanted > Integer.MAX_VALUE - 16) {
            if ((long) length + count > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("JSON text longer than " + (Integer.MAX_VALUE - 16) + " bytes");
            }
            wanted = Integer.MAX_VALUE - 16;
        }
        bytes = Arrays.copyOf(bytes, (int) wanted);
    }
}
