package io.dicombq.pipeline.beam;

import com.google.api.services.bigquery.model.TableRow;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.ValueText;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A conformed row as the {@link TableRow} BigQueryIO writes into its load files: a JSON object per row and record,
 * NULL columns and empty arrays left out, INTEGER and NUMERIC as strings (BigQuery reads int64 from JSON strings
 * without losing precision), FLOAT as numbers (NaN and infinities as strings), BYTES in base64, JSON columns as the
 * document's text, other scalars in the domain's canonical text ({@link ValueText}).
 */
final class TableRows {
    private TableRows() {
    }

    static TableRow of(Row row, List<Column> columns) {
        TableRow out = new TableRow();
        for (Column column : columns) {
            Object value = row.get(column.name());
            if (value == null || (value instanceof List<?> list && list.isEmpty())) {
                continue;
            }
            if (column.isRepeated()) {
                if (!(value instanceof List<?> list)) {
                    throw mismatch(column, value);
                }
                List<Object> items = new ArrayList<>(list.size());
                for (Object item : list) {
                    items.add(value(column, item));
                }
                out.set(column.name(), items);
            } else {
                out.set(column.name(), value(column, value));
            }
        }
        for (String name : row.values().keySet()) {
            if (columns.stream().noneMatch(column -> column.name().equals(name))) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "row value " + name + " has no column in the schema");
            }
        }
        return out;
    }

    private static Object value(Column column, Object value) {
        if (value == null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "REPEATED column " + column.name()
                    + " holds a NULL element; BigQuery arrays cannot hold NULL");
        }
        if (column.isRecord()) {
            if (!(value instanceof Row record)) {
                throw mismatch(column, value);
            }
            return of(record, column.fields());
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? number : ValueText.decimal(number);
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof JsonText json) {
            return json.json();
        }
        if (value instanceof Row || value instanceof List<?>) {
            throw mismatch(column, value);
        }
        return ValueText.of(value);
    }

    private static DicombqException mismatch(Column column, Object value) {
        return new DicombqException(Code.INVALID_ARGUMENT, "column " + column.name() + " is " + column.mode() + " "
                + column.type() + " and cannot hold " + value.getClass().getSimpleName() + " " + value);
    }
}
