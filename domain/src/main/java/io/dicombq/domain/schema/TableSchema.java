package io.dicombq.domain.schema;

import java.util.List;

/** The columns of a BigQuery table, in order. */
public record TableSchema(List<Column> columns) {
    public TableSchema {
        columns = List.copyOf(columns);
    }

    public static TableSchema of(Column... columns) {
        return new TableSchema(List.of(columns));
    }

    public static TableSchema empty() {
        return new TableSchema(List.of());
    }

    /** The column of this name (case-insensitive, as in BigQuery), or null. */
    public Column column(String name) {
        for (Column column : columns) {
            if (column.name().equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }
}
