package io.dicombq.domain.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The elements of one row that are not in their column, collected as they are found (specification 3.6). The
 * flattened layout writes them as a REPEATED RECORD of {@code TagName} and {@code TagReference}, as Google's
 * table does; the JSON layout as a REPEATED STRING of names (Google's SchemaJSON reference, specification 3.9).
 * One entry per place: the same element in two items is two entries.
 */
public final class DroppedTags {
    public static final String COLUMN = "DroppedTags";
    public static final String TAG_NAME = "TagName";
    public static final String TAG_REFERENCE = "TagReference";

    /** The flattened layout's column. */
    public static final Column RECORD_COLUMN = Column.record(COLUMN, Mode.REPEATED, List.of(
            Column.of(TAG_NAME, ColumnType.STRING, Mode.NULLABLE),
            Column.of(TAG_REFERENCE, ColumnType.STRING, Mode.NULLABLE)));
    /** The JSON layout's column, and the flattened one of tables written before the RECORD form (LegacyTables). */
    public static final Column STRING_COLUMN = Column.of(COLUMN, ColumnType.STRING, Mode.REPEATED);

    /** Key prefix of entries known by name only; no tag reference starts with it. */
    private static final String NAME_ONLY = "name:";

    /** reference -> name, in the order found; the reference is unique per place. */
    private final Map<String, String> entries = new LinkedHashMap<>();

    public void add(FieldPath path) {
        entries.putIfAbsent(path.reference(), path.names());
    }

    /** Entries already in a row's DroppedTags value (rows or names), kept first. */
    public void addExisting(Object value) {
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Row row) {
                    entries.putIfAbsent((String) row.get(TAG_REFERENCE), (String) row.get(TAG_NAME));
                } else if (entry instanceof String name) {
                    entries.putIfAbsent(NAME_ONLY + name, name);
                }
            }
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** How many distinct entries (places) were collected. */
    public int size() {
        return entries.size();
    }

    /** The value of a column of {@code column}'s shape: RECORD entries, or the names alone (once each). */
    public List<Object> value(Column column) {
        List<Object> out = new ArrayList<>(entries.size());
        if (column.isRecord()) {
            // a name-only entry (from a REPEATED STRING value) has no reference to give
            entries.forEach((reference, name) -> out.add(entry(name, reference.startsWith(NAME_ONLY) ? null : reference)));
        } else {
            entries.values().stream().distinct().forEach(out::add);
        }
        return List.copyOf(out);
    }

    public static Row entry(String name, String reference) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(4);
        values.put(TAG_NAME, name);
        values.put(TAG_REFERENCE, reference);
        return Row.handOver(values);
    }

    /** The names of a DroppedTags value of either shape. */
    public static List<String> names(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> names = new ArrayList<>(list.size());
        for (Object entry : list) {
            names.add(entry instanceof Row row ? (String) row.get(TAG_NAME) : (String) entry);
        }
        return names;
    }
}
