package io.dicombq.domain.dicom;

import java.util.Objects;

/**
 * One data element: tag, the VR it was read with, its value, and for a private element the private
 * creator that reserved its block (PS3.5 7.8.1), or null.
 */
public record DataElement(Tag tag, Vr vr, Value value, String privateCreator) {
    public DataElement {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(vr, "vr");
        Objects.requireNonNull(value, "value");
    }

    public DataElement(Tag tag, Vr vr, Value value) {
        this(tag, vr, value, null);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The first text value, or null when the element holds none. */
    public String firstText() {
        return value instanceof Value.Text text && !text.values().isEmpty() ? text.values().get(0) : null;
    }
}
