package io.dicombq.adapter.out.h2.sink;

import org.h2.value.Value;

import java.util.Arrays;

/**
 * The last decoded value of each item of one RECORD column, with the bytes it was decoded from. The private
 * elements of one series' instances mostly repeat item for item, so an item whose bytes equal the previous row's
 * reuses its H2 value instead of building (and H2 checking) a new one.
 */
final class RecordCache {
    /** Items beyond this index are always decoded (no private block is this long in practice). */
    private static final int MAX_ITEMS = 1024;

    private byte[][] spans = new byte[16][];
    private Value[] values = new Value[16];

    /** The value decoded from the same bytes at this item index last time, or null. */
    Value find(int index, byte[] bytes, int from, int to) {
        if (index >= spans.length || spans[index] == null) {
            return null;
        }
        return Arrays.equals(spans[index], 0, spans[index].length, bytes, from, to) ? values[index] : null;
    }

    void keep(int index, byte[] bytes, int from, int to, Value value) {
        if (index >= MAX_ITEMS) {
            return;
        }
        if (index >= spans.length) {
            int size = Math.min(MAX_ITEMS, Math.max(index + 1, spans.length * 2));
            spans = Arrays.copyOf(spans, size);
            values = Arrays.copyOf(values, size);
        }
        spans[index] = Arrays.copyOfRange(bytes, from, to);
        values[index] = value;
    }
}
