package io.dicombq.adapter.in.emulator;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * BigQuery's rules for changing a table's schema while keeping its rows: columns may be added (NULLABLE or
 * REPEATED) and REQUIRED may be relaxed to NULLABLE; nothing else changes (BigQuery "Modifying table schemas").
 */
final class SchemaEvolution {
    private SchemaEvolution() {
    }

    /** tables.patch: {@code wanted} keeps every current column; additions and relaxation are allowed. */
    static void requireOnlyAdditions(TableSchema current, TableSchema wanted, String table, boolean allowRelaxation) {
        for (Column existing : current.columns()) {
            Column kept = wanted.column(existing.name());
            if (kept == null) {
                throw mismatch(table, "Field " + existing.name() + " is missing in new schema");
            }
        }
        merge(current, wanted, table, true, allowRelaxation);
    }

    /**
     * The table's schema after rows of {@code incoming} are appended: existing columns in their order, merged
     * recursively, then the new ones. Fails as BigQuery does when the change is not allowed.
     */
    static TableSchema merge(TableSchema existing, TableSchema incoming, String table, boolean allowAddition,
                             boolean allowRelaxation) {
        return new TableSchema(mergeColumns(existing.columns(), incoming.columns(), table, "", allowAddition,
                allowRelaxation));
    }

    private static List<Column> mergeColumns(List<Column> existing, List<Column> incoming, String table, String prefix,
                                             boolean allowAddition, boolean allowRelaxation) {
        List<Column> merged = new ArrayList<>(existing.size() + incoming.size());
        for (Column old : existing) {
            Column update = find(incoming, old.name());
            if (update == null) {
                if (old.mode() == Mode.REQUIRED) {
                    throw mismatch(table, "Field " + prefix + old.name() + " is REQUIRED but missing in new schema");
                }
                merged.add(old);
                continue;
            }
            merged.add(mergeColumn(old, update, table, prefix, allowAddition, allowRelaxation));
        }
        for (Column update : incoming) {
            if (find(existing, update.name()) == null) {
                if (!allowAddition) {
                    throw mismatch(table, "Cannot add fields (field: " + prefix + update.name() + ")");
                }
                if (update.mode() == Mode.REQUIRED) {
                    throw mismatch(table, "Cannot add required field " + prefix + update.name()
                            + " to a table that has rows; add it as NULLABLE");
                }
                merged.add(update);
            }
        }
        return merged;
    }

    private static Column mergeColumn(Column old, Column update, String table, String prefix, boolean allowAddition,
                                      boolean allowRelaxation) {
        String name = prefix + old.name();
        if (old.type() != update.type()) {
            throw mismatch(table, "Field " + name + " has changed type from " + old.type() + " to " + update.type());
        }
        Mode mode = old.mode();
        if (old.mode() != update.mode()) {
            boolean relaxes = old.mode() == Mode.REQUIRED && update.mode() == Mode.NULLABLE;
            boolean tightens = old.mode() == Mode.NULLABLE && update.mode() == Mode.REQUIRED;
            if (relaxes && allowRelaxation) {
                mode = Mode.NULLABLE;
            } else if (!tightens) {
                throw mismatch(table, "Field " + name + " has changed mode from " + old.mode() + " to " + update.mode());
            }
        }
        if (!old.isRecord()) {
            return new Column(old.name(), old.type(), mode, List.of(), old.rangeElement());
        }
        return Column.record(old.name(), mode, mergeColumns(old.fields(), update.fields(), table, name + ".",
                allowAddition, allowRelaxation));
    }

    private static Column find(List<Column> columns, String name) {
        for (Column column : columns) {
            if (column.name().equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }

    private static io.dicombq.domain.status.DicombqException mismatch(String table, String detail) {
        return WireValues.invalid("Provided Schema does not match Table " + table + ". " + detail + ".");
    }
}
