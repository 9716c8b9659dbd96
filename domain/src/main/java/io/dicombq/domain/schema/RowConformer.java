package io.dicombq.domain.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a row made for one instance's schema to a wider schema (the merged export schema, or an existing
 * table's), following {@link SchemaMerger}'s conflict rule: a single value becomes a one-element array
 * in a REPEATED column, a scalar of another type becomes its canonical text in a STRING column, and a
 * value that cannot fit (a scalar where the column is a RECORD, or the reverse) is left out and its
 * path added to {@code DroppedTags} ({@link DroppedTags}: name and tag reference), so nothing is lost silently; so is a value whose column the
 * target does not have. Columns the row lacks are NULL (an empty array when REPEATED), as {@link Row} reads an
 * absent column: a row whose every value already fits is returned as it is, not copied.
 */
public final class RowConformer {
    private RowConformer() {
    }

    public static Row conform(Row row, TableSchema target) {
        if (fitsAsIs(row, target.columns()) && noRepeatedDroppedTag(row.get(DroppedTags.COLUMN))) {
            // the common case, once the union has stopped growing: nothing to fit, drop or copy
            return row;
        }
        DroppedTags dropped = new DroppedTags();
        // the row's own entries first, in either shape; then what does not fit; written in the table's shape
        Object existing = row.get(DroppedTags.COLUMN);
        dropped.addExisting(existing);
        int existingEntries = dropped.size();
        LinkedHashMap<String, Object> values = conformFields(row, target.columns(), FieldPath.ROOT, dropped);
        Column droppedColumn = target.column(DroppedTags.COLUMN);
        if (droppedColumn != null) {
            // nothing new dropped, no duplicate, already in the table's shape: the row's own value is the answer
            boolean unchanged = dropped.size() == existingEntries && existing instanceof List<?> list
                    && list.size() == existingEntries && itemsAsIs(list, droppedColumn);
            values.put(DroppedTags.COLUMN, unchanged ? existing : dropped.value(droppedColumn));
        }
        return Row.handOver(values);
    }

    /** Fits a RECORD value (a sequence item at {@code path}) to {@code fields}; what cannot fit goes to {@code dropped}. */
    public static Row conformRecord(Row row, List<Column> fields, FieldPath path, DroppedTags dropped) {
        return Row.handOver(conformFields(row, fields, path, dropped));
    }

    private static LinkedHashMap<String, Object> conformFields(Row row, List<Column> columns, FieldPath path, DroppedTags dropped) {
        Map<String, Object> given = row.values();
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(Math.min(columns.size(), given.size() + 1) * 2);
        for (Column column : columns) {
            if (column.name().equals(DroppedTags.COLUMN) && path == FieldPath.ROOT) {
                values.put(column.name(), List.of());
                continue;
            }
            Object value = given.get(column.name());
            if (value == null && !given.containsKey(column.name())) {
                // absent stays absent: NULL, or an empty array when REPEATED, as Row reads it (a union of hundreds
                // of columns would otherwise fill every row's map)
                continue;
            }
            values.put(column.name(), conformValue(value, column, path, dropped));
        }
        if (row.values().size() > values.size() || !values.keySet().containsAll(row.values().keySet())) {
            // a value whose column the target lacks is not represented: list it rather than lose it quietly
            for (Map.Entry<String, Object> entry : row.values().entrySet()) {
                Object value = entry.getValue();
                if (!values.containsKey(entry.getKey()) && value != null && !(value instanceof List<?> list && list.isEmpty())) {
                    dropped.add(path.field(entry.getKey()));
                }
            }
        }
        return values;
    }

    /** Fits the value of {@code column}, a field of the RECORD at {@code parent}; its own path is made past the cheap exits. */
    private static Object conformValue(Object value, Column column, FieldPath parent, DroppedTags dropped) {
        if (column.isRepeated()) {
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list && itemsAsIs(list, column)) {
                // the common case (e.g. hundreds of OtherElements entries): nothing to fit, nothing copied
                return list;
            }
            FieldPath path = parent.field(column.name());
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Object fitted = conformOne(items.get(i), column, column.isRecord() ? path.item(i) : path, dropped);
                if (fitted == NO_FIT) {
                    dropped.add(path);
                    return List.of();
                }
                out.add(fitted);
            }
            return out;
        }
        if (value instanceof List<?> list) {
            if (list.size() > 1) {
                dropped.add(parent.field(column.name()));
                return null;
            }
            value = list.isEmpty() ? null : list.get(0);
        }
        if (value == null) {
            return null;
        }
        FieldPath path = parent.field(column.name());
        Object fitted = conformOne(value, column, path, dropped);
        if (fitted == NO_FIT) {
            dropped.add(path);
            return null;
        }
        return fitted;
    }

    private static final Object NO_FIT = new Object();

    private static Object conformOne(Object value, Column column, FieldPath path, DroppedTags dropped) {
        if (column.isRecord()) {
            if (!(value instanceof Row nested)) {
                return NO_FIT;
            }
            return fitsAsIs(nested, column.fields()) ? nested : Row.handOver(conformFields(nested, column.fields(), path, dropped));
        }
        if (value instanceof Row || value instanceof List) {
            return NO_FIT;
        }
        if (column.type() == ColumnType.STRING && !(value instanceof String)) {
            return ValueText.of(value);
        }
        return value;
    }

    /**
     * Whether fitting {@code row} to {@code fields} would give back the same values: each of its fields is one of
     * {@code fields}, in their order, with a value already of its column's shape. Fields it lacks read as NULL either
     * way; nothing in such a row can be dropped.
     */
    private static boolean fitsAsIs(Row row, List<Column> fields) {
        int next = 0;
        for (Map.Entry<String, Object> entry : row.values().entrySet()) {
            String name = entry.getKey();
            while (next < fields.size() && !fields.get(next).name().equals(name)) {
                next++;
            }
            if (next == fields.size()) {
                return false;
            }
            Column column = fields.get(next++);
            Object value = entry.getValue();
            boolean asIs = column.isRepeated()
                    ? value == null || value instanceof List<?> list && itemsAsIs(list, column)
                    : value == null || oneAsIs(value, column);
            if (!asIs) {
                return false;
            }
        }
        return true;
    }

    /** Whether a row's own DroppedTags value lists each path once, as {@link DroppedTags} would write it back. */
    private static boolean noRepeatedDroppedTag(Object existing) {
        if (!(existing instanceof List<?> list) || list.size() < 2) {
            return true;
        }
        DroppedTags distinct = new DroppedTags();
        distinct.addExisting(existing);
        return distinct.size() == list.size();
    }

    private static boolean itemsAsIs(List<?> items, Column column) {
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null || !oneAsIs(item, column)) {
                return false;
            }
        }
        return true;
    }

    /** A non-NULL value that {@link #conformOne} would return unchanged. */
    private static boolean oneAsIs(Object value, Column column) {
        if (column.isRecord()) {
            return value instanceof Row nested && fitsAsIs(nested, column.fields());
        }
        if (value instanceof Row || value instanceof List) {
            return false;
        }
        return column.type() != ColumnType.STRING || value instanceof String;
    }
}
