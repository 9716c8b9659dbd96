package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.Tag;

/** {@code Tag_GGGGEEEE} names without String.format, which dominates the mapping time of private elements. */
final class TagNames {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TagNames() {
    }

    static String columnName(Tag tag) {
        char[] name = {'T', 'a', 'g', '_', 0, 0, 0, 0, 0, 0, 0, 0};
        int value = tag.value();
        for (int i = 11; i >= 4; i--) {
            name[i] = HEX[value & 0xF];
            value >>>= 4;
        }
        return new String(name);
    }
}
