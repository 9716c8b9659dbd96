package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Matches a row's field names to its columns the way BigQuery does: ignoring letter case. */
final class FieldNames {
    private FieldNames() {
    }

    /**
     * The row's values in the order of {@code columns}, each found under its column's name or, the way BigQuery
     * matches names, under another spelling of it; an unknown name is INVALID_ARGUMENT.
     */
    static Object[] inColumnOrder(Row row, List<Column> columns, Object where) {
        Map<String, Object> values = row.values();
        Object[] ordered = new Object[columns.size()];
        // Every name is spelled as its column when each one is found under a column's name (one lookup per column).
        int exact = 0;
        for (int i = 0; i < ordered.length; i++) {
            String name = columns.get(i).name();
            Object value = values.get(name);
            if (value != null || values.containsKey(name)) {
                ordered[i] = value;
                exact++;
            }
        }
        if (exact == values.size()) {
            return ordered;
        }
        Map<String, Object> respelled = respelled(values, columns, where);
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = respelled.get(columns.get(i).name());
        }
        return ordered;
    }

    private static Map<String, Object> respelled(Map<String, Object> values, List<Column> columns, Object where) {
        Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        columns.forEach(c -> spelling.put(c.name(), c.name()));
        Map<String, Object> canonical = new HashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = spelling.get(entry.getKey());
            if (name == null) {
                throw RowErrors.noSuchField(entry.getKey(), where);
            }
            if (canonical.containsKey(name)) {
                throw RowErrors.givenTwice(name, where);
            }
            canonical.put(name, entry.getValue());
        }
        return canonical;
    }
}
