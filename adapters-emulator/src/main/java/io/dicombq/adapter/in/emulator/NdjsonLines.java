package io.dicombq.adapter.in.emulator;

import io.dicombq.domain.json.ByteWords;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a load's newline-delimited JSON as bytes, split where {@link java.io.BufferedReader#readLine} splits
 * them (LF, CR, or CR LF). A line of ASCII bytes goes to the JSON parser as it is; reading each one as a string first
 * (UTF-8 decoding into a growing builder, then back to characters for the parser) was a fifth of a load of wide rows
 * (docs/BENCHMARKS.md, session 14).
 */
final class NdjsonLines {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[CHUNK];
    /** The bytes read into {@link #buffer} end here. */
    private int limit;
    /** The next line starts here. */
    private int next;
    private boolean ended;
    private int start;
    private int length;
    private boolean ascii;
    /** The text of a line that is not ASCII, decoded once to check it is UTF-8; null for an ASCII line. */
    private String decoded;

    NdjsonLines(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next line; false at the end of the data. A line that is not UTF-8 is refused with the exception the
     * strict decoder of a reader throws ({@link CharacterCodingException}).
     */
    boolean next() throws IOException {
        int scanned = next;
        boolean asciiSoFar = true;
        while (true) {
            // a word at a time past the bytes that end no line (most of a line of wide rows): ByteWords' exact tests
            int lastWord = limit - ByteWords.SIZE;
            while (scanned <= lastWord) {
                long word = ByteWords.at(buffer, scanned);
                if (ByteWords.has(word, (byte) '\n') || ByteWords.has(word, (byte) '\r')) {
                    break;
                }
                asciiSoFar &= !ByteWords.hasNonAscii(word);
                scanned += ByteWords.SIZE;
            }
            for (int i = scanned; i < limit; i++) {
                byte b = buffer[i];
                if (b == '\n' || b == '\r') {
                    if (b == '\r' && i + 1 == limit && !ended) {
                        // a CR at the end of what was read: the LF that may follow belongs to this line's end
                        scanned = i;
                        break;
                    }
                    take(i, asciiSoFar);
                    next = b == '\r' && i + 1 < limit && buffer[i + 1] == '\n' ? i + 2 : i + 1;
                    return true;
                }
                asciiSoFar &= b >= 0;
                scanned = i + 1;
            }
            if (ended) {
                if (next == limit) {
                    return false;
                }
                take(limit, asciiSoFar);
                next = limit;
                return true;
            }
            scanned = fill(scanned);
        }
    }

    /** Makes the bytes from {@link #next} to {@code end} the line; one that is not UTF-8 is refused here. */
    private void take(int end, boolean asciiLine) throws CharacterCodingException {
        start = next;
        length = end - next;
        ascii = asciiLine;
        decoded = ascii ? null : decode();
    }

    /** Reads more bytes, first moving the unfinished line to the buffer's start; returns where scanning resumes. */
    private int fill(int scanned) throws IOException {
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, limit - next);
            limit -= next;
            scanned -= next;
            next = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            ended = true;
        } else {
            limit += read;
        }
        return scanned;
    }

    byte[] bytes() {
        return buffer;
    }

    int start() {
        return start;
    }

    int length() {
        return length;
    }

    /** Whether every byte of the line is ASCII, so it is the same text in UTF-8 as in any reading of it. */
    boolean ascii() {
        return ascii;
    }

    /** Whether the line is empty or white space only, as {@link String#isBlank()} says of its text. */
    boolean blank() {
        if (!ascii) {
            return decoded.isBlank();
        }
        for (int i = start; i < start + length; i++) {
            if (!Character.isWhitespace(buffer[i])) {
                return false;
            }
        }
        return true;
    }

    /** The line as text. */
    String text() {
        return ascii ? new String(buffer, start, length, StandardCharsets.US_ASCII) : decoded;
    }

    private String decode() throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buffer, start, length)).toString();
    }
}
