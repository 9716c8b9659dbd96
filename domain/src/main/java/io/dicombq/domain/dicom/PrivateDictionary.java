package io.dicombq.domain.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Private data dictionaries of known private creators (PS3.5 7.8.1), generated from pydicom's (itself from
 * GDCM's) by scripts/generate-private-dictionary.py. Keyed by creator and element byte: an implicit-VR private
 * element of a known creator is read with the VR found here, as pydicom and dcmtk read it (specification 3.2).
 */
public final class PrivateDictionary {
    private static final String RESOURCE = "private-dictionary.tsv";

    /** One entry: the VR and VM the creator's dictionary gives the element, and its description. */
    public record Entry(Vr vr, String vm, String name) {
    }

    /** creator -> pydicom key (GGGGEEEE, GGGGxxEE or GGxxxxEE, lower-case hex) -> entry. */
    private final Map<String, Map<String, Entry>> byCreator;
    private final String edition;

    private PrivateDictionary(Map<String, Map<String, Entry>> byCreator, String edition) {
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
        return byCreator.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * The entry of private element {@code tag} whose block is reserved by {@code creator}, or null. The exact tag
     * first, then the element byte in any block, then in any group of the same first two digits, as pydicom.
     */
    public Entry lookup(Tag tag, String creator) {
        if (creator == null) {
            return null;
        }
        Map<String, Entry> entries = byCreator.get(creator.strip());
        if (entries == null) {
            return null;
        }
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
        try (InputStream in = PrivateDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " beside " + PrivateDictionary.class);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the private DICOM dictionary resource", e);
        }
    }

    static PrivateDictionary parse(BufferedReader reader) throws IOException {
        Map<String, Map<String, Entry>> byCreator = new HashMap<>(1024);
        String edition = "unknown";
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.startsWith("#")) {
                if (lineNumber == 1) {
                    edition = DataDictionary.editionOf(line);
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 5 || fields[1].length() != 8) {
                throw new IllegalStateException("private dictionary line " + lineNumber + " is malformed: " + line);
            }
            byCreator.computeIfAbsent(fields[0], creator -> new HashMap<>())
                    .put(fields[1], new Entry(Vr.parse(fields[2]), fields[3], fields[4]));
        }
        return new PrivateDictionary(byCreator, edition);
    }
}
