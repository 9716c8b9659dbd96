package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.Tag;

/**
 * PS3.5 7.6: the repeating groups of curves (50xx) and overlays (60xx), whose elements share one keyword across
 * the even groups 5000-501E and 6000-601E. specification 3.1: their column is the keyword, a REPEATED RECORD with one
 * {Id, Value} entry per group present, as in Google's table.
 */
final class RepeatingGroups {
    private RepeatingGroups() {
    }

    /** Whether {@code tag} is an element of a curve or overlay group, {@code entry} its repeater dictionary entry. */
    static boolean isMember(Tag tag, DictionaryEntry entry) {
        if (entry == null || !entry.hasKeyword()) {
            return false;
        }
        int base = entry.tag().group();
        return (base == 0x5000 || base == 0x6000) && (tag.group() & 0xFF00) == base
                && entry.tag().element() == tag.element();
    }

    /** The entry's Id: the group as four upper-case hex digits ({@code 6002}), specification 3.1 Decision. */
    static String id(Tag tag) {
        String hex = Integer.toHexString(tag.group()).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(4 - hex.length()) + hex;
    }
}
