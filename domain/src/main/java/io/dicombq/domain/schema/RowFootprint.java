package io.dicombq.domain.schema;

import java.util.List;

/**
 * About how much of the heap a row's values hold, in bytes: the characters of its strings (Latin-1 strings keep one
 * byte each, and a row's bulk is base64 and UID text), the bytes of its binary values, and a word for every other
 * value, nested RECORDs and REPEATED items included. Cheap enough to take for every row, exact enough to bound a
 * batch of rows by memory rather than by count.
 */
public final class RowFootprint {
    /** A reference and a small boxed value (a number, a date, a flag). */
    private static final long WORD = 8;

    private RowFootprint() {
    }

    public static long of(Row row) {
        long bytes = 0;
        for (Object value : row.values().values()) {
            bytes += WORD + ofValue(value);
        }
        return bytes;
    }

    private static long ofValue(Object value) {
        if (value instanceof String text) {
            return text.length();
        }
        if (value instanceof byte[] binary) {
            return binary.length;
        }
        if (value instanceof JsonText json) {
            return json.json().length();
        }
        if (value instanceof Row nested) {
            return of(nested);
        }
        if (value instanceof List<?> items) {
            long bytes = 0;
            for (Object item : items) {
                bytes += WORD + ofValue(item);
            }
            return bytes;
        }
        return WORD;
    }
}
