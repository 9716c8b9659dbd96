package io.dicombq.domain.schema;

/** BigQuery column types, spelled as the BigQuery REST API spells them in {@code schema.fields[].type}. */
public enum ColumnType {
    STRING, BYTES, INTEGER, FLOAT, NUMERIC, BIGNUMERIC, BOOLEAN, DATE, TIME, DATETIME, TIMESTAMP, RECORD, JSON
}
