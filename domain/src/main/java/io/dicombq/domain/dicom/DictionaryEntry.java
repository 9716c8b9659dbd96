package io.dicombq.domain.dicom;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the DICOM data dictionary (PS3.6 Table 6-1, PS3.6 Table 7-1 for group 0002): the VRs the
 * standard allows (usually one; e.g. "US or SS" gives two; none for the item delimiters), the value
 * multiplicity, the keyword (empty for a few retired entries that have none) and the retired flag.
 */
public record DictionaryEntry(Tag tag, List<Vr> vrs, String vm, String keyword, boolean retired, String name) {
    public DictionaryEntry {
        Objects.requireNonNull(tag, "tag");
        vrs = List.copyOf(vrs);
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(name, "name");
    }

    /** The VR to read an implicit-VR value with: the first the standard lists (PS3.5 A.1), or UN for none. */
    public Vr vr() {
        return vrs.isEmpty() ? Vr.UN : vrs.get(0);
    }

    /** PS3.5 6.4: VM exactly "1" means one value; any other (2, 1-n, 2-2n, …) allows several. */
    public boolean isSingleValued() {
        return "1".equals(vm);
    }

    public boolean hasKeyword() {
        return !keyword.isEmpty();
    }
}
