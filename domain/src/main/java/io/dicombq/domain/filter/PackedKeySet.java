package io.dicombq.domain.filter;

import java.util.Arrays;

/**
 * A set of short byte keys with O(1) look-up that holds millions of entries in little memory: the keys sit one
 * after the other in one byte arena, and an open-addressing table of ints points at them (no object per key).
 * Each key gets a dense id (0, 1, 2, … in insertion order). Not thread-safe while adding; safe to share for
 * look-ups once filled.
 */
final class PackedKeySet {
    private static final int MAX_KEY_LENGTH = 255;

    private byte[] arena = new byte[256];
    private int arenaSize;
    private int[] offsets = new int[16];
    private int size;
    /** id + 1 of the key in each slot; 0 marks a free slot. Kept at most half full. */
    private int[] slots = new int[32];

    int size() {
        return size;
    }

    /** Adds the key if absent; returns its id either way. */
    int add(byte[] key) {
        if (key.length > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key of " + key.length + " bytes is longer than " + MAX_KEY_LENGTH);
        }
        int slot = slotOf(key);
        if (slots[slot] != 0) {
            return slots[slot] - 1;
        }
        int id = size++;
        if (id == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[id] = append(key);
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return id;
    }

    /** The id of the key, or -1 when it is not in the set. */
    int find(byte[] key) {
        return key == null ? -1 : slots[slotOf(key)] - 1;
    }

    /** The slot holding the key, or the free slot where it would go (linear probing). */
    private int slotOf(byte[] key) {
        int mask = slots.length - 1;
        int slot = hash(key, 0, key.length) & mask;
        for (int entry = slots[slot]; entry != 0 && !matches(offsets[entry - 1], key); entry = slots[slot]) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int append(byte[] key) {
        int needed = arenaSize + 1 + key.length;
        if (needed > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(needed, arena.length + (arena.length >> 1)));
        }
        int offset = arenaSize;
        arena[offset] = (byte) key.length;
        System.arraycopy(key, 0, arena, offset + 1, key.length);
        arenaSize = needed;
        return offset;
    }

    private boolean matches(int offset, byte[] key) {
        int length = arena[offset] & 0xFF;
        return length == key.length && Arrays.equals(arena, offset + 1, offset + 1 + length, key, 0, length);
    }

    private void rehash(int capacity) {
        int[] table = new int[capacity];
        int mask = capacity - 1;
        for (int id = 0; id < size; id++) {
            int offset = offsets[id];
            int slot = hash(arena, offset + 1, arena[offset] & 0xFF) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
        slots = table;
    }

    private static int hash(byte[] bytes, int from, int length) {
        int h = 0x9E3779B9;
        for (int i = from; i < from + length; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        // murmur3 finaliser: spreads the bits so that the low ones, used as the slot, vary
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
