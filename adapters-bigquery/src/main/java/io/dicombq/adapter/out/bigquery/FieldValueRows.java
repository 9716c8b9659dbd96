package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the client's f/v cells back into domain {@link Row}s with the value types {@link Row} documents. */
final class FieldValueRows {
    private FieldValueRows() {
    }

    static Row toRow(List<Column> columns, FieldValueList cells) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            // Records inside REPEATED fields carry no names on the client side, so cells are read by position.
            Object value = toValue(column, cells.get(i));
            if (value != null) {
                values.put(column.name(), value);
            }
        }
        return Row.of(values);
    }

    private static Object toValue(Column column, FieldValue cell) {
        if (cell.isNull()) {
            return column.isRepeated() ? List.of() : null;
        }
        if (column.isRepeated()) {
            List<Object> elements = new ArrayList<>();
            for (FieldValue element : cell.getRepeatedValue()) {
                elements.add(scalar(column, element));
            }
            return elements;
        }
        return scalar(column, cell);
    }

    private static Object scalar(Column column, FieldValue cell) {
        if (cell.isNull()) {
            return null;
        }
        return switch (column.type()) {
            case RECORD -> toRow(column.fields(), cell.getRecordValue());
            case STRING, INTERVAL, RANGE -> cell.getStringValue();
            case INTEGER -> cell.getLongValue();
            case FLOAT -> cell.getDoubleValue();
            case BOOLEAN -> cell.getBooleanValue();
            case NUMERIC, BIGNUMERIC -> cell.getNumericValue();
            case BYTES -> cell.getBytesValue();
            case DATE -> LocalDate.parse(cell.getStringValue());
            case TIME -> LocalTime.parse(cell.getStringValue());
            case DATETIME -> LocalDateTime.parse(cell.getStringValue());
            case TIMESTAMP -> cell.getTimestampInstant();
            case JSON -> new JsonText(cell.getStringValue());
        };
    }
}
