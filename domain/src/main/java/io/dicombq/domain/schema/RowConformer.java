package io.dicombq.domain.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits a row made for one instance's schema to a wider schema (the merged export schema, or an existing
 * table's), following {@link SchemaMerger}'s conflict rule: a single value becomes a one-element array
 * in a REPEATED column, a scalar of another type becomes its canonical text in a STRING column, and a
 * value that cannot fit (a scalar where the column is a RECORD, or the reverse) is left out and its
 * dotted path added to {@code DroppedTags}, so nothing is lost silently; so is a value whose column the
 * target does not have. Columns the row lacks are NULL (an empty array when REPEATED).
 */
public final class RowConformer {
    public static final String DROPPED_TAGS = "DroppedTags";

    private RowConformer() {
    }

    public static Row conform(Row row, TableSchema target) {
        Set<String> dropped = new LinkedHashSet<>();
        Map<String, Object> values = conformFields(row, target.columns(), "", dropped);
        if (!dropped.isEmpty() && target.column(DROPPED_TAGS) != null) {
            Set<String> all = new LinkedHashSet<>();
            if (values.get(DROPPED_TAGS) instanceof List<?> existing) {
                existing.forEach(entry -> all.add((String) entry));
            }
            all.addAll(dropped);
            values.put(DROPPED_TAGS, List.copyOf(all));
        }
        return new Row(values);
    }

    /**
     * Fits a RECORD value (a sequence item) to {@code fields}; paths of values that cannot fit are added
     * to {@code dropped} as {@code path.Field}.
     */
    public static Row conformRecord(Row row, List<Column> fields, String path, Set<String> dropped) {
        return new Row(conformFields(row, fields, path, dropped));
    }

    private static Map<String, Object> conformFields(Row row, List<Column> columns, String path, Set<String> dropped) {
        Map<String, Object> values = new LinkedHashMap<>(columns.size() * 2);
        for (Column column : columns) {
            String where = path.isEmpty() ? column.name() : path + "." + column.name();
            values.put(column.name(), conformValue(row.get(column.name()), column, where, dropped));
        }
        if (row.values().size() > values.size() || !values.keySet().containsAll(row.values().keySet())) {
            // a value whose column the target lacks is not represented: list it rather than lose it quietly
            for (Map.Entry<String, Object> entry : row.values().entrySet()) {
                Object value = entry.getValue();
                if (!values.containsKey(entry.getKey()) && value != null && !(value instanceof List<?> list && list.isEmpty())) {
                    dropped.add(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey());
                }
            }
        }
        return values;
    }

    private static Object conformValue(Object value, Column column, String path, Set<String> dropped) {
        if (column.isRepeated()) {
            if (value == null) {
                return List.of();
            }
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                Object fitted = conformOne(item, column, path, dropped);
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
                dropped.add(path);
                return null;
            }
            value = list.isEmpty() ? null : list.get(0);
        }
        if (value == null) {
            return null;
        }
        Object fitted = conformOne(value, column, path, dropped);
        if (fitted == NO_FIT) {
            dropped.add(path);
            return null;
        }
        return fitted;
    }

    private static final Object NO_FIT = new Object();

    private static Object conformOne(Object value, Column column, String path, Set<String> dropped) {
        if (column.isRecord()) {
            return value instanceof Row nested ? new Row(conformFields(nested, column.fields(), path, dropped)) : NO_FIT;
        }
        if (value instanceof Row || value instanceof List) {
            return NO_FIT;
        }
        if (column.type() == ColumnType.STRING && !(value instanceof String)) {
            return ValueText.of(value);
        }
        return value;
    }
}
