package io.dicombq.domain.schema;

/**
 * BigQuery column types, spelled as the BigQuery REST API spells them in {@code schema.fields[].type}. INTERVAL is
 * only ever the type of a query's result column: the warehouse keeps no INTERVAL table column. RANGE too (its element
 * type in {@link Column#rangeElement()}, as the REST API's {@code rangeElementType}).
 */
public enum ColumnType {
    STRING, BYTES, INTEGER, FLOAT, NUMERIC, BIGNUMERIC, BOOLEAN, DATE, TIME, DATETIME, TIMESTAMP, RECORD, JSON, INTERVAL, RANGE
}
