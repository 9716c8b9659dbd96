package io.dicombq.adapter.out.h2.catalog;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;

import java.util.List;

/** The H2 column type that stores each BigQuery column type (BIGQUERY_EMULATION.md §5). */
public final class H2Types {
    private H2Types() {
    }

    /** The H2 type of a column, REPEATED as {@code … ARRAY} and RECORD as a typed {@code ROW(…)}. */
    public static String of(Column column) {
        String element = elementOf(column);
        return column.isRepeated() ? element + " ARRAY" : element;
    }

    /** The H2 type of one value of the column, ignoring REPEATED. */
    public static String elementOf(Column column) {
        return column.isRecord() ? rowOf(column.fields()) : scalar(column.type());
    }

    public static String rowOf(List<Column> fields) {
        StringBuilder row = new StringBuilder("ROW(");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                row.append(", ");
            }
            row.append(Names.quote(fields.get(i).name())).append(' ').append(of(fields.get(i)));
        }
        return row.append(')').toString();
    }

    public static String scalar(ColumnType type) {
        switch (type) {
            case STRING:
            case INTERVAL:
            case RANGE:
                // an INTERVAL or RANGE result value travels as its canonical text; no table column holds one
                return "CHARACTER VARYING";
            case BYTES:
                return "BINARY VARYING";
            case INTEGER:
                return "BIGINT";
            case FLOAT:
                return "DOUBLE PRECISION";
            case NUMERIC:
                // BigQuery NUMERIC: 38 digits of precision, 9 of them after the point.
                return "NUMERIC(38, 9)";
            case BIGNUMERIC:
                // BigQuery BIGNUMERIC: 76.76 digits of precision, 38 of them after the point (39 before it at most).
                return "NUMERIC(77, 38)";
            case BOOLEAN:
                return "BOOLEAN";
            case DATE:
                return "DATE";
            case TIME:
                return "TIME(6)";
            case DATETIME:
                return "TIMESTAMP(6)";
            case TIMESTAMP:
                return "TIMESTAMP(6) WITH TIME ZONE";
            case JSON:
                return "JSON";
            default:
                throw new IllegalArgumentException("no scalar H2 type for " + type);
        }
    }
}
