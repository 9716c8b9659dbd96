package io.dicombq.adapter.out.sql;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.List;

/**
 * BigQuery cannot write an array holding NULL into a query's result, though a query may build one on the way
 * (BigQuery docs: ARRAY type, "NULLs and the ARRAY type"); the result is checked once it is read.
 */
final class ResultArrays {
    private ResultArrays() {
    }

    static void requireNoNullElements(TableSchema schema, List<Row> rows) {
        if (schema.columns().stream().noneMatch(ResultArrays::holdsArray)) {
            return;
        }
        for (Row row : rows) {
            for (Column column : schema.columns()) {
                check(column, row.get(column.name()));
            }
        }
    }

    private static boolean holdsArray(Column column) {
        return column.isRepeated() || column.fields().stream().anyMatch(ResultArrays::holdsArray);
    }

    private static void check(Column column, Object value) {
        if (value == null) {
            return;
        }
        if (column.isRepeated()) {
            Column element = new Column(column.name(), column.type(), io.dicombq.domain.schema.Mode.NULLABLE, column.fields(),
                    column.rangeElement());
            for (Object item : (List<?>) value) {
                if (item == null) {
                    throw new DicombqException(Code.INVALID_ARGUMENT,
                            "Array cannot have a null element; error in writing field " + column.name());
                }
                check(element, item);
            }
            return;
        }
        if (column.isRecord()) {
            for (Column field : column.fields()) {
                check(field, ((Row) value).get(field.name()));
            }
        }
    }
}
