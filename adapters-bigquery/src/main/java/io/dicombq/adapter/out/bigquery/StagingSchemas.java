package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.schema.Column;

import java.util.List;
import java.util.Objects;

/**
 * How the staging table's schema, grown by the loads that ran during the export, relates to the schema the export
 * ends with. BigQuery adds new columns and nested fields only at the end of the table or RECORD ("Modifying table
 * schemas": it is not possible to add columns in the middle), so the order decides what the commit can do.
 */
final class StagingSchemas {
    private StagingSchemas() {
    }

    /**
     * Whether {@code target} is {@code staged} with columns added only after the existing ones, at every level: a load
     * with ALLOW_FIELD_ADDITION and {@code target} then leaves the staging table with exactly {@code target}.
     */
    static boolean growsInPlace(List<Column> staged, List<Column> target) {
        if (staged.size() > target.size()) {
            return false;
        }
        for (int i = 0; i < staged.size(); i++) {
            Column before = staged.get(i);
            Column after = target.get(i);
            if (!sameColumn(before, after) || (before.isRecord() && !growsInPlace(before.fields(), after.fields()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every staged column is in {@code target} by name, of the same type and mode, at every level: a copy job
     * then appends the staged rows to a table of {@code target}, matching fields by name.
     */
    static boolean copiesInto(List<Column> staged, List<Column> target) {
        for (Column before : staged) {
            Column after = target.stream().filter(column -> column.name().equals(before.name())).findFirst().orElse(null);
            if (after == null || !sameColumn(before, after)
                    || (before.isRecord() && !copiesInto(before.fields(), after.fields()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameColumn(Column before, Column after) {
        return before.name().equals(after.name()) && before.type() == after.type() && before.mode() == after.mode()
                && Objects.equals(before.rangeElement(), after.rangeElement());
    }
}
