package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Matches a row's field names to its columns the way BigQuery does: ignoring letter case. */
final class FieldNames {
    private FieldNames() {
    }

    /**
     * The row's values keyed by the schema's spelling of each column. A value under another spelling is moved to
     * its column rather than lost; an unknown name is INVALID_ARGUMENT.
     */
    static Map<String, Object> canonical(Row row, List<Column> columns, Object where) {
        Map<String, Object> values = row.values();
        for (String name : values.keySet()) {
            if (!hasExactly(columns, name)) {
                return respelled(values, columns, where);
            }
        }
        return values;
    }

    private static boolean hasExactly(List<Column> columns, String name) {
        for (Column column : columns) {
            if (column.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> respelled(Map<String, Object> values, List<Column> columns, Object where) {
        Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        columns.forEach(c -> spelling.put(c.name(), c.name()));
        Map<String, Object> canonical = new HashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = spelling.get(entry.getKey());
            if (name == null) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "no such field: " + entry.getKey() + " (" + where + ")");
            }
            if (canonical.containsKey(name)) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "field " + name + " is given twice, in different"
                        + " letter case (" + where + ")");
            }
            canonical.put(name, entry.getValue());
        }
        return canonical;
    }
}
