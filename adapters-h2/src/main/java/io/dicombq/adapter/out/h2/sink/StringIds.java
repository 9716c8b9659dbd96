package io.dicombq.adapter.out.h2.sink;

import java.util.Arrays;

/**
 * Short strings of a spill file numbered in order of first use, so a repeated one (a private tag, a study UID, a
 * modality) is written once and then referred to by number, and decoded once at commit. Bounded: once full, new
 * strings are written in full. An open-addressing table: no boxing on the hot path.
 */
final class StringIds {
    /** Longer strings are rarely repeated and would only fill the table. */
    static final int MAX_LENGTH = 64;
    static final int CAPACITY = 1 << 12;

    private final int[] hashes = new int[CAPACITY * 2];
    private final String[] keys = new String[CAPACITY * 2];
    private final int[] ids = new int[CAPACITY * 2];
    private final String[] byId = new String[CAPACITY];
    private int count;

    /** The number of {@code value}, or -1 when it has none. */
    int find(String value) {
        int mask = keys.length - 1;
        int hash = value.hashCode();
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (key == value || hashes[slot] == hash && key.equals(value)) {
                return ids[slot];
            }
        }
    }

    /** Numbers {@code value} (not yet numbered); false when the table is full or the string too long. */
    boolean add(String value) {
        if (count == CAPACITY || value.length() > MAX_LENGTH) {
            return false;
        }
        int mask = keys.length - 1;
        int hash = value.hashCode();
        int slot = spread(hash) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        keys[slot] = value;
        ids[slot] = count;
        byId[count++] = value;
        return true;
    }

    int count() {
        return count;
    }

    /** Forgets the strings numbered from {@code mark} on (those of a batch that was refused). */
    void truncate(int mark) {
        if (mark == count) {
            return;
        }
        Arrays.fill(keys, null);
        count = 0;
        for (int id = 0; id < mark; id++) {
            add(byId[id]);
        }
        Arrays.fill(byId, mark, byId.length, null);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
