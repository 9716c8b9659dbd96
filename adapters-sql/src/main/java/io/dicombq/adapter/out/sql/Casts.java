package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.catalog.H2Types;
import io.dicombq.domain.schema.ColumnType;

/**
 * CAST and SAFE_CAST with BigQuery's type names and conversion rules. STRING sources go through
 * {@link BigQueryFunctions} so only BigQuery's formats are accepted; numbers round half away from zero.
 */
final class Casts {
    private Casts() {
    }

    static Typed cast(Typed value, String typeName, boolean safe) {
        ColumnType target = target(typeName);
        String h2 = H2Types.scalar(target);
        if (value.isNull()) {
            return Typed.of("CAST(NULL AS " + h2 + ")", target);
        }
        if (value.isArray() || value.isRecord()) {
            throw Translator.invalid("Invalid cast from " + value.typeName() + " to " + typeName);
        }
        ColumnType source = value.type().type();
        if (source == target) {
            return value;
        }
        if (target == ColumnType.STRING) {
            return Functions.text(value);
        }
        if (source == ColumnType.STRING) {
            return fromString(value, target, safe);
        }
        String sql = value.sql();
        switch (target) {
            case INTEGER:
                if (source == ColumnType.BOOLEAN) {
                    return Typed.of("CASE WHEN " + sql + " THEN CAST(1 AS BIGINT) WHEN NOT " + sql + " THEN CAST(0 AS BIGINT) END", target);
                }
                if (source == ColumnType.FLOAT || source == ColumnType.NUMERIC) {
                    String rounded = "CAST(ROUND(" + sql + ") AS BIGINT)";
                    // SAFE_CAST: NULL instead of an overflow (NaN and infinities fail the range test too).
                    return Typed.of(safe ? "CASE WHEN ABS(" + sql + ") < 9.2233720368547758E18 THEN " + rounded + " END" : rounded, target);
                }
                break;
            case FLOAT:
                if (source == ColumnType.INTEGER || source == ColumnType.NUMERIC) {
                    return Typed.of("CAST(" + sql + " AS DOUBLE PRECISION)", target);
                }
                break;
            case NUMERIC:
                if (source == ColumnType.INTEGER) {
                    return Typed.of("CAST(" + sql + " AS " + h2 + ")", target);
                }
                if (source == ColumnType.FLOAT) {
                    String numeric = "CAST(" + sql + " AS " + h2 + ")";
                    return Typed.of(safe ? "CASE WHEN ABS(" + sql + ") < 1E29 THEN " + numeric + " END" : numeric, target);
                }
                break;
            case BOOLEAN:
                if (source == ColumnType.INTEGER) {
                    return Typed.of("(" + sql + " <> 0)", target);
                }
                break;
            case DATE:
            case TIME:
            case DATETIME:
            case TIMESTAMP:
                String converted = calendar(sql, source, target);
                if (converted != null) {
                    return Typed.of("CAST(" + converted + " AS " + h2 + ")", target);
                }
                break;
            default:
                break;
        }
        throw Translator.unsupported("CAST from " + value.typeName() + " to " + typeName);
    }

    /**
     * DATE, DATETIME and TIMESTAMP to one another, DATETIME and TIMESTAMP to TIME: a TIMESTAMP's fields and a
     * wall clock's instant are read in UTC (BigQuery docs: conversion rules); {@code null} for other pairs.
     */
    private static String calendar(String sql, ColumnType source, ColumnType target) {
        boolean timestamp = source == ColumnType.TIMESTAMP;
        switch (target) {
            case DATE:
                return timestamp ? StrictFunctions.call("date_of_timestamp", sql, "'UTC'") : source == ColumnType.DATETIME ? sql : null;
            case TIME:
                return timestamp ? StrictFunctions.call("time_of_timestamp", sql, "'UTC'") : source == ColumnType.DATETIME ? sql : null;
            case DATETIME:
                return timestamp ? StrictFunctions.call("datetime_of_timestamp", sql, "'UTC'") : source == ColumnType.DATE ? sql : null;
            case TIMESTAMP:
                return source == ColumnType.DATE || source == ColumnType.DATETIME
                        ? StrictFunctions.call("timestamp_of_datetime", "CAST(" + sql + " AS TIMESTAMP(6))", "'UTC'") : null;
            default:
                return null;
        }
    }

    private static Typed fromString(Typed value, ColumnType target, boolean safe) {
        String flag = safe ? "TRUE" : "FALSE";
        String h2 = H2Types.scalar(target);
        switch (target) {
            case INTEGER:
                return Typed.of(BigQueryFunctions.call("parse_int64", value.sql(), flag), target);
            case FLOAT:
                return Typed.of(BigQueryFunctions.call("parse_float64", value.sql(), flag), target);
            case NUMERIC:
                return Typed.of("CAST(" + BigQueryFunctions.call("parse_numeric", value.sql(), flag) + " AS " + h2 + ")", target);
            case BOOLEAN:
                return Typed.of(BigQueryFunctions.call("parse_bool", value.sql(), flag), target);
            case DATE:
                return Typed.of(BigQueryFunctions.call("parse_date", value.sql(), flag), target);
            case TIME:
                return Typed.of("CAST(" + BigQueryFunctions.call("parse_time", value.sql(), flag) + " AS " + h2 + ")", target);
            case DATETIME:
                return Typed.of("CAST(" + BigQueryFunctions.call("parse_datetime", value.sql(), flag) + " AS " + h2 + ")", target);
            case TIMESTAMP:
                return Typed.of("CAST(" + BigQueryFunctions.call("parse_timestamp", value.sql(), flag) + " AS " + h2 + ")", target);
            case BYTES:
                return Typed.of(BigQueryFunctions.call("utf8_bytes", value.sql()), target);
            default:
                throw Translator.unsupported("CAST from STRING to " + target);
        }
    }

    /** The column type of a BigQuery type name in CAST. */
    static ColumnType target(String typeName) {
        switch (typeName) {
            case "STRING":
                return ColumnType.STRING;
            case "INT64":
            case "INTEGER":
            case "INT":
            case "BIGINT":
            case "SMALLINT":
            case "TINYINT":
            case "BYTEINT":
                return ColumnType.INTEGER;
            case "FLOAT64":
            case "FLOAT":
                return ColumnType.FLOAT;
            case "NUMERIC":
            case "DECIMAL":
                return ColumnType.NUMERIC;
            case "BOOL":
            case "BOOLEAN":
                return ColumnType.BOOLEAN;
            case "DATE":
                return ColumnType.DATE;
            case "TIME":
                return ColumnType.TIME;
            case "DATETIME":
                return ColumnType.DATETIME;
            case "TIMESTAMP":
                return ColumnType.TIMESTAMP;
            case "BYTES":
                return ColumnType.BYTES;
            default:
                throw Translator.unsupported("CAST to type " + typeName);
        }
    }
}
