package io.dicombq.domain.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A generated tab-separated UTF-8 resource held as bytes, so a dictionary can index its lines at start-up and decode
 * only the lines a run looks up (decoding all 14,000 lines was about 0.1 s of every dump; docs/BENCHMARKS.md, dump).
 */
final class ResourceText {
    private final byte[] bytes;

    ResourceText(byte[] bytes) {
        this.bytes = bytes;
    }

    static ResourceText load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + owner);
            }
            return new ResourceText(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + resource + " beside " + owner, e);
        }
    }

    int length() {
        return bytes.length;
    }

    byte at(int index) {
        return bytes[index];
    }

    /** Where the line starting at {@code from} ends: its '\n', or the end of the text. */
    int lineEnd(int from) {
        int newline = indexOf(from, bytes.length, (byte) '\n');
        return newline < 0 ? bytes.length : newline;
    }

    /** The end of the line's text, before a '\r' of a CRLF line end (as BufferedReader.readLine reads it). */
    int textEnd(int from, int lineEnd) {
        return lineEnd > from && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    }

    int indexOf(int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    int count(int from, int to, byte wanted) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                count++;
            }
        }
        return count;
    }

    boolean equal(int from, int to, int otherFrom, int otherTo) {
        return java.util.Arrays.equals(bytes, from, to, bytes, otherFrom, otherTo);
    }

    String text(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** The tab-separated fields of [from, to); the caller has checked their number. */
    String[] fields(int from, int to, int count) {
        String[] fields = new String[count];
        int start = from;
        for (int field = 0; field < count; field++) {
            int tab = field == count - 1 ? to : indexOf(start, to, (byte) '\t');
            fields[field] = text(start, tab);
            start = tab + 1;
        }
        return fields;
    }
}
