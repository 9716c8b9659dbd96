package io.dicombq.adapter.out.bigquery;

import io.dicombq.domain.schema.Column;

import java.util.List;
import java.util.Objects;

/**
 * How the schema of rows loaded during the export relates to the schema the export ends with. BigQuery adds new
 * columns and nested fields only at the end of the table or RECORD ("Modifying table schemas": it is not possible to
 * add columns in the middle), so the order decides whether a loaded table can be brought to the final schema.
 */
final class StagingSchemas {
    private StagingSchemas() {
    }

    /**
     * Whether {@code target} is {@code staged} with columns added only after the existing ones, at every level: a
     * schema update of a table of {@code staged} to {@code target} then leaves it with exactly {@code target}.
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

    private static boolean sameColumn(Column before, Column after) {
        return before.name().equals(after.name()) && before.type() == after.type() && before.mode() == after.mode()
                && Objects.equals(before.rangeElement(), after.rangeElement());
    }
}
