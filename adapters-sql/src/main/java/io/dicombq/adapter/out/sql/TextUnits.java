package io.dicombq.adapter.out.sql;

import java.util.Arrays;

/**
 * A STRING as its code points or a BYTES value as its bytes: the functions BigQuery defines on both count
 * characters in one and bytes in the other (BigQuery docs: string functions), so each is written once, here.
 */
record TextUnits(int[] units, boolean bytes) {
    static TextUnits of(String text) {
        return new TextUnits(text.codePoints().toArray(), false);
    }

    static TextUnits of(byte[] value) {
        int[] units = new int[value.length];
        for (int i = 0; i < value.length; i++) {
            units[i] = value[i] & 0xff;
        }
        return new TextUnits(units, true);
    }

    String text() {
        return new String(units, 0, units.length);
    }

    byte[] byteValue() {
        byte[] out = new byte[units.length];
        for (int i = 0; i < units.length; i++) {
            out[i] = (byte) units[i];
        }
        return out;
    }

    int length() {
        return units.length;
    }

    boolean isEmpty() {
        return units.length == 0;
    }

    TextUnits slice(int from, int to) {
        return new TextUnits(Arrays.copyOfRange(units, from, to), bytes);
    }

    /** The first index at or after {@code from} where {@code part} starts, or -1. */
    int indexOf(TextUnits part, int from) {
        for (int i = Math.max(0, from); i + part.length() <= length(); i++) {
            if (startsAt(part, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The last index at or before {@code from} where {@code part} starts, or -1. */
    int lastIndexOf(TextUnits part, int from) {
        for (int i = Math.min(from, length() - part.length()); i >= 0; i--) {
            if (startsAt(part, i)) {
                return i;
            }
        }
        return -1;
    }

    boolean startsAt(TextUnits part, int at) {
        if (at < 0 || at + part.length() > length()) {
            return false;
        }
        for (int j = 0; j < part.length(); j++) {
            if (units[at + j] != part.units[j]) {
                return false;
            }
        }
        return true;
    }

    boolean contains(int unit) {
        for (int u : units) {
            if (u == unit) {
                return true;
            }
        }
        return false;
    }

    /** The size of the value BigQuery stores: UTF-8 bytes of a STRING, bytes of a BYTES. */
    long storedSize() {
        if (bytes) {
            return units.length;
        }
        long size = 0;
        for (int u : units) {
            size += u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;
        }
        return size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextUnits && ((TextUnits) other).bytes == bytes && Arrays.equals(((TextUnits) other).units, units);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(units);
    }

    @Override
    public String toString() {
        return bytes ? Arrays.toString(units) : text();
    }
}
