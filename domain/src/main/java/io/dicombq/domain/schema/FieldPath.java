package io.dicombq.domain.schema;

import io.dicombq.domain.dicom.Tag;

/**
 * Where a value sits in a row, built one step at a time and spelt only when asked (specification 3.6): as column
 * names, {@code ContentSequence.ConceptNameCodeSequence.CodeMeaning} (DroppedTags.TagName), and as tags with
 * item numbers, {@code 0040A730[2].0040A043[0].00080104} (DroppedTags.TagReference), so that one dropped
 * element can be found in the file.
 */
public final class FieldPath {
    public static final FieldPath ROOT = new FieldPath(null, null, null, -1);

    private final FieldPath parent;
    /** The column name of a field step; null for an item step and for the root. */
    private final String name;
    /** The element's tag when the caller knows it; else it is found from the name when the reference is spelt. */
    private final Tag tag;
    private final int item;

    private FieldPath(FieldPath parent, String name, Tag tag, int item) {
        this.parent = parent;
        this.name = name;
        this.tag = tag;
        this.item = item;
    }

    /** The element (or column) {@code name} at this place; {@code tag} may be null when only the name is known. */
    public FieldPath field(String name, Tag tag) {
        return new FieldPath(this, name, tag, -1);
    }

    public FieldPath field(String name) {
        return field(name, null);
    }

    /** Item {@code index} (from 0) of the sequence this path names. */
    public FieldPath item(int index) {
        return new FieldPath(this, null, null, index);
    }

    /** The dotted column names, items left out. */
    public String names() {
        StringBuilder out = new StringBuilder(64);
        appendNames(out);
        return out.toString();
    }

    /** The dotted tags (8 upper-case hex digits) with {@code [item]} after each sequence step inside an item. */
    public String reference() {
        StringBuilder out = new StringBuilder(64);
        appendReference(out);
        return out.toString();
    }

    private void appendNames(StringBuilder out) {
        if (parent == null) {
            return;
        }
        parent.appendNames(out);
        if (name != null) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(name);
        }
    }

    private void appendReference(StringBuilder out) {
        if (parent == null) {
            return;
        }
        parent.appendReference(out);
        if (name == null) {
            out.append('[').append(item).append(']');
            return;
        }
        if (out.length() > 0) {
            out.append('.');
        }
        Tag known = tag != null ? tag : ColumnOrder.canonical().tagOf(name);
        out.append(known != null ? known.hex() : name);
    }

    @Override
    public String toString() {
        return reference();
    }
}
