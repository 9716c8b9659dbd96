package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.Tag;

/** specification 3.1: the column name of an element, also the name DroppedTags uses for it. */
final class ElementNames {
    private final DataDictionary dictionary;

    ElementNames(DataDictionary dictionary) {
        this.dictionary = dictionary;
    }

    String name(Tag tag) {
        return name(tag, tag.isPrivate() ? null : dictionary.lookup(tag));
    }

    /**
     * The keyword; {@code Tag_GGGGEEEE} for private tags and for elements without a keyword of their own. The
     * curve and overlay groups (50xx, 60xx) all take their keyword: one column holds every group's entry
     * (specification 3.1); other repeater entries (1000,xxx0 …) name no column of their own.
     */
    static String name(Tag tag, DictionaryEntry entry) {
        if (entry != null && entry.hasKeyword() && (entry.tag().equals(tag) || RepeatingGroups.isMember(tag, entry))) {
            return entry.keyword();
        }
        return TagNames.columnName(tag);
    }
}
