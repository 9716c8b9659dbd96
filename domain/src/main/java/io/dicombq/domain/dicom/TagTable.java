package io.dicombq.domain.dicom;

/**
 * An open-addressing map from a tag's 32-bit value to its dictionary entry. Tags cluster in their low bits
 * (many groups share element numbers), which degrades a {@code HashMap<Integer,…>} into tree bins; a
 * multiplicative mix spreads them, and no Integer is boxed per look-up on the reader's hot path.
 */
final class TagTable {
    private final int[] keys;
    private final DictionaryEntry[] entries;
    private final int mask;
    private final int shift;

    TagTable(Iterable<DictionaryEntry> source, int count) {
        int capacity = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
        keys = new int[capacity];
        entries = new DictionaryEntry[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (DictionaryEntry entry : source) {
            put(entry.tag().value(), entry);
        }
    }

    DictionaryEntry get(int tag) {
        for (int slot = slot(tag); ; slot = (slot + 1) & mask) {
            DictionaryEntry entry = entries[slot];
            if (entry == null || keys[slot] == tag) {
                return entry;
            }
        }
    }

    private void put(int tag, DictionaryEntry entry) {
        int slot = slot(tag);
        while (entries[slot] != null && keys[slot] != tag) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = tag;
        entries[slot] = entry;
    }

    private int slot(int tag) {
        // Fibonacci hashing: the golden-ratio multiplier moves both group and element bits into the top bits.
        return (tag * 0x9E3779B9) >>> shift;
    }
}
