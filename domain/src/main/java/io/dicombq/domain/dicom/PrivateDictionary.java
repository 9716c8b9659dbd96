package io.dicombq.domain.dicom;

import java.util.HashMap;
import java.util.Map;

/**
 * Private data dictionaries of known private creators (PS3.5 7.8.1), generated from pydicom's (itself from
 * GDCM's) by scripts/generate-private-dictionary.py. Keyed by creator and element byte: an implicit-VR private
 * element of a known creator is read with the VR found here, as pydicom and dcmtk read it (specification 3.2).
 *
 * <p>A creator's entries are parsed at its first look-up: a run meets a handful of the ~400 creators, and parsing
 * all 9,000 lines was about 0.05 s of every dump's start (docs/BENCHMARKS.md, dump).
 */
public final class PrivateDictionary {
    private static final String RESOURCE = "private-dictionary.tsv";
    private static final int FIELDS = 5;

    /** One entry: the VR and VM the creator's dictionary gives the element, and its description. */
    public record Entry(Vr vr, String vm, String name) {
    }

    /** creator -> its lines of the resource, parsed on first use. */
    private final Map<String, CreatorLines> byCreator;
    private final String edition;

    private PrivateDictionary(Map<String, CreatorLines> byCreator, String edition) {
        this.byCreator = byCreator;
        this.edition = edition;
    }

    private static final class Holder {
        static final PrivateDictionary STANDARD = load();
    }

    public static PrivateDictionary standard() {
        return Holder.STANDARD;
    }

    /** Where the entries come from, as the generator wrote it (e.g. "pydicom 2.3.1's private dictionary (GDCM's)"). */
    public String edition() {
        return edition;
    }

    public int size() {
        return byCreator.values().stream().mapToInt(lines -> lines.entries().size()).sum();
    }

    /**
     * The entry of private element {@code tag} whose block is reserved by {@code creator}, or null. The exact tag
     * first, then the element byte in any block, then in any group of the same first two digits, as pydicom.
     */
    public Entry lookup(Tag tag, String creator) {
        if (creator == null) {
            return null;
        }
        CreatorLines lines = byCreator.get(creator.strip());
        if (lines == null) {
            return null;
        }
        Map<String, Entry> entries = lines.entries();
        String full = tag.hex().toLowerCase(java.util.Locale.ROOT);
        Entry entry = entries.get(full);
        if (entry == null) {
            entry = entries.get(full.substring(0, 4) + "xx" + full.substring(6));
        }
        if (entry == null) {
            entry = entries.get(full.substring(0, 2) + "xxxx" + full.substring(6));
        }
        return entry;
    }

    private static PrivateDictionary load() {
        return parse(ResourceText.load(PrivateDictionary.class, RESOURCE));
    }

    /**
     * Indexes text of the generator's format ("# header", then creator, key, VR, VM, name per line, each creator's
     * lines together) by creator, checking every line's shape now; a creator's entries are built at its first use.
     */
    static PrivateDictionary parse(ResourceText text) {
        Map<String, CreatorLines> byCreator = new HashMap<>(1024);
        String edition = "unknown";
        CreatorLines current = null;
        int lineNumber = 0;
        for (int start = 0; start < text.length(); ) {
            int end = text.lineEnd(start);
            int stop = text.textEnd(start, end);
            lineNumber++;
            if (stop > start && text.at(start) == '#') {
                if (lineNumber == 1) {
                    edition = DataDictionary.editionOf(text.text(start, stop));
                }
            } else if (stop > start) {
                int tab = text.indexOf(start, stop, (byte) '\t');
                if (tab < 0 || text.count(tab, stop, (byte) '\t') != FIELDS - 1
                        || text.indexOf(tab + 1, stop, (byte) '\t') != tab + 9) {
                    throw new IllegalStateException("private dictionary line " + lineNumber + " is malformed: "
                            + text.text(start, stop));
                }
                if (current == null || !text.equal(current.start, current.start + current.creatorLength, start, tab)) {
                    String creator = text.text(start, tab);
                    if (byCreator.containsKey(creator)) {
                        throw new IllegalStateException("private dictionary line " + lineNumber + ": the lines of "
                                + creator + " are not together, as scripts/generate-private-dictionary.py writes them");
                    }
                    current = new CreatorLines(text, start, tab - start);
                    byCreator.put(creator, current);
                }
                current.end = end;
            }
            start = end + 1;
        }
        return new PrivateDictionary(byCreator, edition);
    }

    /** One creator's lines of the resource, [start, end), already checked, and their entries once built. */
    private static final class CreatorLines {
        private final ResourceText text;
        private final int start;
        private final int creatorLength;
        private int end;
        private volatile Map<String, Entry> entries;

        CreatorLines(ResourceText text, int start, int creatorLength) {
            this.text = text;
            this.start = start;
            this.creatorLength = creatorLength;
        }

        Map<String, Entry> entries() {
            Map<String, Entry> built = entries;
            if (built == null) {
                synchronized (this) {
                    built = entries;
                    if (built == null) {
                        built = build();
                        entries = built;
                    }
                }
            }
            return built;
        }

        /** key (GGGGEEEE, GGGGxxEE or GGxxxxEE, lower-case hex) -> entry. */
        private Map<String, Entry> build() {
            Map<String, Entry> built = new HashMap<>();
            for (int from = start; from < end; ) {
                int lineEnd = text.lineEnd(from);
                int stop = text.textEnd(from, lineEnd);
                if (stop > from && text.at(from) != '#') {
                    String[] fields = text.fields(from + creatorLength + 1, stop, FIELDS - 1);
                    built.put(fields[0], new Entry(Vr.parse(fields[1]), fields[2], fields[3]));
                }
                from = lineEnd + 1;
            }
            return built;
        }
    }
}
