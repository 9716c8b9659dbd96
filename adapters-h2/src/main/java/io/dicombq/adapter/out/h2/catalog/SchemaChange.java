package io.dicombq.adapter.out.h2.catalog;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;

/**
 * How a table's schema may change, with BigQuery's rules for schema updates: columns and nested fields may be
 * added (NULLABLE or REPEATED), REQUIRED may be relaxed to NULLABLE; nothing may be removed, retyped or
 * otherwise changed in mode.
 */
public record SchemaChange(List<Column> addedTopLevel, boolean nestedChange, boolean modeRelaxed) {

    /** The change from {@code current} to {@code proposed}, or INVALID_ARGUMENT saying what BigQuery would refuse. */
    public static SchemaChange between(TableSchema current, TableSchema proposed, String table) {
        List<Column> added = new ArrayList<>();
        boolean[] nested = {false};
        boolean[] relaxed = {false};
        compare(current.columns(), proposed.columns(), "", table, added, nested, relaxed, true);
        return new SchemaChange(added, nested[0], relaxed[0]);
    }

    public boolean isNone() {
        return addedTopLevel.isEmpty() && !nestedChange && !modeRelaxed;
    }

    /** Whether the rows must be copied into a new H2 table: ROW types and NOT NULL constraints cannot be altered in place. */
    public boolean needsRebuild() {
        return nestedChange || modeRelaxed;
    }

    private static void compare(List<Column> current, List<Column> proposed, String prefix, String table,
                                List<Column> added, boolean[] nested, boolean[] relaxed, boolean topLevel) {
        for (Column old : current) {
            Column now = find(proposed, old.name());
            if (now == null) {
                throw refuse(table, "field " + prefix + old.name() + " is missing in the new schema");
            }
            if (now.type() != old.type()) {
                throw refuse(table, "field " + prefix + old.name() + " changed type from " + old.type() + " to " + now.type());
            }
            if (now.mode() != old.mode()) {
                if (old.mode() == Mode.REQUIRED && now.mode() == Mode.NULLABLE) {
                    relaxed[0] = true;
                } else {
                    throw refuse(table, "field " + prefix + old.name() + " changed mode from " + old.mode() + " to " + now.mode());
                }
            }
            if (old.isRecord()) {
                compare(old.fields(), now.fields(), prefix + old.name() + ".", table, added, nested, relaxed, false);
            }
        }
        for (int i = 0; i < proposed.size(); i++) {
            Column now = proposed.get(i);
            if (find(current, now.name()) == null) {
                if (now.mode() == Mode.REQUIRED) {
                    throw refuse(table, "cannot add REQUIRED field " + prefix + now.name() + " to an existing table");
                }
                if (topLevel) {
                    added.add(now);
                } else {
                    nested[0] = true;
                }
            }
        }
        if (!topLevel && !sameOrderPrefix(current, proposed)) {
            nested[0] = true;
        }
    }

    /** Whether the existing fields keep their positions (H2 ROW fields are positional). */
    private static boolean sameOrderPrefix(List<Column> current, List<Column> proposed) {
        for (int i = 0; i < current.size(); i++) {
            if (i >= proposed.size() || !proposed.get(i).name().equalsIgnoreCase(current.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    private static Column find(List<Column> columns, String name) {
        for (Column column : columns) {
            if (column.name().equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }

    private static DicombqException refuse(String table, String why) {
        return new DicombqException(Code.INVALID_ARGUMENT, "Provided Schema does not match Table " + table + ": " + why
                + ". Only adding NULLABLE or REPEATED fields and relaxing REQUIRED to NULLABLE are allowed.");
    }
}
