package io.dicombq.domain.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard DICOM data dictionary (PS3.6), generated from pydicom's by scripts/generate-dictionary.py.
 * Look-ups by tag and by keyword are O(1); repeating groups such as (60xx,0010) are matched by mask (PS3.5 7.6).
 */
public final class DataDictionary {
    private static final String RESOURCE = "dictionary.tsv";

    private final TagTable byTag;
    private final Map<String, DictionaryEntry> byKeyword;
    /** mask -> (masked tag value -> entry) for the repeating-group entries; only a handful of distinct masks. */
    private final Map<Integer, Map<Integer, DictionaryEntry>> repeatersByMask;
    private final List<DictionaryEntry> entries;

    private DataDictionary(List<DictionaryEntry> exact, Map<Integer, Map<Integer, DictionaryEntry>> repeaters,
                           List<DictionaryEntry> all) {
        this.byTag = new TagTable(exact, exact.size());
        this.byKeyword = new HashMap<>(all.size() * 2);
        for (DictionaryEntry entry : all) {
            if (entry.hasKeyword()) {
                byKeyword.putIfAbsent(entry.keyword(), entry);
            }
        }
        this.repeatersByMask = repeaters;
        this.entries = Collections.unmodifiableList(all);
    }

    private static final class Holder {
        static final DataDictionary STANDARD = load();
    }

    /** The standard dictionary, loaded once from the domain's resource. */
    public static DataDictionary standard() {
        return Holder.STANDARD;
    }

    /** The entry for a tag, or null for private and unknown tags. */
    public DictionaryEntry lookup(Tag tag) {
        if (tag.isPrivate()) {
            return null;
        }
        DictionaryEntry entry = byTag.get(tag.value());
        if (entry != null) {
            return entry;
        }
        for (Map.Entry<Integer, Map<Integer, DictionaryEntry>> masked : repeatersByMask.entrySet()) {
            DictionaryEntry repeater = masked.getValue().get(tag.value() & masked.getKey());
            if (repeater != null) {
                return repeater;
            }
        }
        return null;
    }

    /** The entry whose keyword this is (case-sensitive, as in PS3.6), or null. */
    public DictionaryEntry byKeyword(String keyword) {
        return byKeyword.get(keyword);
    }

    /** The keyword of a standard tag, or null when it has none (private, unknown, or a keyword-less retired tag). */
    public String keyword(Tag tag) {
        DictionaryEntry entry = lookup(tag);
        return entry == null || !entry.hasKeyword() ? null : entry.keyword();
    }

    /** Every entry, exact tags first in tag order, then the repeating-group masks. */
    public Collection<DictionaryEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    private static DataDictionary load() {
        try (InputStream in = DataDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " beside " + DataDictionary.class);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DICOM dictionary resource", e);
        }
    }

    static DataDictionary parse(BufferedReader reader) throws IOException {
        List<DictionaryEntry> exact = new ArrayList<>(5000);
        List<DictionaryEntry> all = new ArrayList<>(5000);
        Map<Integer, Map<Integer, DictionaryEntry>> repeaters = new LinkedHashMap<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 6 || fields[0].length() != 8) {
                throw new IllegalStateException("dictionary line " + lineNumber + " is malformed: " + line);
            }
            String pattern = fields[0];
            int mask = 0;
            int value = 0;
            for (int i = 0; i < 8; i++) {
                char c = pattern.charAt(i);
                mask <<= 4;
                value <<= 4;
                if (c != 'x') {
                    mask |= 0xF;
                    value |= Character.digit(c, 16);
                }
            }
            DictionaryEntry entry = new DictionaryEntry(new Tag(value), parseVrs(fields[1]), fields[2], fields[3],
                    "R".equals(fields[4]), fields[5]);
            all.add(entry);
            if (mask == -1) {
                exact.add(entry);
            } else {
                repeaters.computeIfAbsent(mask, m -> new HashMap<>()).put(value, entry);
            }
        }
        return new DataDictionary(exact, repeaters, all);
    }

    private static List<Vr> parseVrs(String field) {
        if (field.equals("NONE")) {
            return List.of();
        }
        List<Vr> vrs = new ArrayList<>(2);
        for (String code : field.split("/")) {
            vrs.add(Vr.parse(code));
        }
        return vrs;
    }
}
