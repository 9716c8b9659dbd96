package io.dicombq.domain.filter;

/**
 * Packs a UID, optionally after the 32-bit id of its parent (study id for a series, series id for an instance),
 * into a compact key: two UID characters per byte, since a UID holds only digits and dots (PS3.5 9.1).
 */
final class UidKeys {
    private static final int DOT = 10;
    private static final int PAD = 15;

    private UidKeys() {
    }

    /** The key of a UID alone, or null when the text cannot be a UID (so nothing in a filter matches it). */
    static byte[] of(String uid) {
        return pack(-1, uid);
    }

    /** The key of a UID under a parent id, or null when the text cannot be a UID. */
    static byte[] of(int parentId, String uid) {
        return pack(parentId, uid);
    }

    private static byte[] pack(int parentId, String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > UidSyntax.MAX_LENGTH) {
            return null;
        }
        int prefix = parentId < 0 ? 0 : 4;
        byte[] key = new byte[prefix + (uid.length() + 1) / 2];
        if (prefix == 4) {
            key[0] = (byte) (parentId >>> 24);
            key[1] = (byte) (parentId >>> 16);
            key[2] = (byte) (parentId >>> 8);
            key[3] = (byte) parentId;
        }
        for (int i = 0; i < uid.length(); i++) {
            int nibble = nibble(uid.charAt(i));
            if (nibble < 0) {
                return null;
            }
            int index = prefix + i / 2;
            key[index] = (byte) (i % 2 == 0 ? nibble << 4 : key[index] | nibble);
        }
        if (uid.length() % 2 == 1) {
            key[key.length - 1] |= PAD;
        }
        return key;
    }

    private static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c == '.' ? DOT : -1;
    }
}
