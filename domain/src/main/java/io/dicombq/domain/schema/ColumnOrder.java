package io.dicombq.domain.schema;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canonical order of columns, decided by the column name alone so that a merged schema does not
 * depend on the order instances arrive in (specification 3.1, as in Google's IDC v18 table): keyword columns in
 * tag order (a keyword stands for its dictionary tag, a repeating group's for its first group), then every
 * {@code Tag_GGGGEEEE} column in tag order, then the fixed fields (Person Name's, the repeating groups'
 * {@code Id}/{@code Value}, {@code OtherElements}' and {@code DroppedTags}' own) and the fixed columns
 * {@code OtherElements}, {@code DroppedTags}, {@code Type}, {@code LastUpdated}, {@code StorageClass},
 * {@code BlobStorageSize}, {@code SourceDicomStore} in that order; any other name last, alphabetically.
 */
public final class ColumnOrder implements Comparator<Column> {
    /** Names with a fixed place after the element columns; their index is their rank. */
    private static final List<String> FIXED = List.of(
            "Alphabetic", "Ideographic", "Phonetic",
            "FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix",
            "Id", "Value", "Tag", "Data", "TagName", "TagReference",
            "OtherElements", "DroppedTags", "Type", "LastUpdated", "StorageClass", "BlobStorageSize",
            "SourceDicomStore");

    private static final ColumnOrder INSTANCE = new ColumnOrder(DataDictionary.standard());

    private final DataDictionary dictionary;
    /** Ranks already computed: names are keywords and tags, a bounded set, and sorting asks for them often. */
    private final Map<String, Long> ranks = new ConcurrentHashMap<>();

    public ColumnOrder(DataDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public static ColumnOrder canonical() {
        return INSTANCE;
    }

    @Override
    public int compare(Column a, Column b) {
        return compareNames(a.name(), b.name());
    }

    public int compareNames(String a, String b) {
        long rankA = rank(a);
        long rankB = rank(b);
        if (rankA != rankB) {
            return Long.compare(rankA, rankB);
        }
        return a.compareTo(b);
    }

    /** Keyword columns rank by unsigned tag (0 .. 2^32-1), Tag_ columns after them, then fixed names, the rest last. */
    private long rank(String name) {
        Long known = ranks.get(name);
        if (known != null) {
            return known;
        }
        long rank = computeRank(name);
        if (ranks.size() < 100_000) {
            ranks.put(name, rank);
        }
        return rank;
    }

    private long computeRank(String name) {
        Tag tag = tagOf(name);
        if (tag != null) {
            long byTag = Integer.toUnsignedLong(tag.value());
            return name.startsWith("Tag_") ? (1L << 32) + byTag : byTag;
        }
        int fixed = FIXED.indexOf(name);
        return fixed >= 0 ? (1L << 33) + fixed : (1L << 34);
    }

    /** The tag a column name stands for: its own for {@code Tag_GGGGEEEE}, the dictionary's for a keyword; else null. */
    public Tag tagOf(String name) {
        if (name.length() == 12 && name.startsWith("Tag_")) {
            try {
                return Tag.parse(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        DictionaryEntry entry = dictionary.byKeyword(name);
        return entry == null ? null : entry.tag();
    }

    /** The columns sorted canonically, nested fields too. */
    public List<Column> sorted(List<Column> columns) {
        return columns.stream()
                .map(column -> column.isRecord()
                        ? new Column(column.name(), column.type(), column.mode(), sorted(column.fields()), column.rangeElement())
                        : column)
                .sorted(this)
                .toList();
    }
}
