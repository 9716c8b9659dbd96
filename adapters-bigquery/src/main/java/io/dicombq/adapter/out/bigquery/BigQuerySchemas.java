package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldElementType;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;

/** Translates between the domain's {@link TableSchema} and the client's {@link Schema}, nested fields included. */
final class BigQuerySchemas {
    private BigQuerySchemas() {
    }

    static Schema toClient(TableSchema schema) {
        return Schema.of(toFields(schema.columns()));
    }

    static TableSchema fromClient(Schema schema) {
        return schema == null ? TableSchema.empty() : new TableSchema(fromFields(schema.getFields()));
    }

    static List<Column> fromFields(FieldList fields) {
        List<Column> columns = new ArrayList<>(fields.size());
        for (Field field : fields) {
            columns.add(fromField(field));
        }
        return columns;
    }

    private static List<Field> toFields(List<Column> columns) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (Column column : columns) {
            fields.add(toField(column));
        }
        return fields;
    }

    private static Field toField(Column column) {
        Field.Builder builder = column.isRecord()
                ? Field.newBuilder(column.name(), StandardSQLTypeName.STRUCT, FieldList.of(toFields(column.fields())))
                : Field.newBuilder(column.name(), standardType(column.type()));
        if (column.type() == ColumnType.RANGE) {
            builder.setRangeElementType(FieldElementType.newBuilder().setType(column.rangeElement().name()).build());
        }
        return builder.setMode(Field.Mode.valueOf(column.mode().name())).build();
    }

    private static Column fromField(Field field) {
        // The REST API omits the mode of NULLABLE fields.
        Mode mode = field.getMode() == null ? Mode.NULLABLE : Mode.valueOf(field.getMode().name());
        ColumnType type = columnType(field.getType());
        if (type == ColumnType.RECORD) {
            return Column.record(field.getName(), mode, fromFields(field.getSubFields()));
        }
        if (type == ColumnType.RANGE) {
            // rangeElementType.type is DATE, DATETIME or TIMESTAMP (BigQuery REST reference: TableFieldSchema)
            return Column.range(field.getName(), ColumnType.valueOf(field.getRangeElementType().getType()), mode);
        }
        return Column.of(field.getName(), type, mode);
    }

    static StandardSQLTypeName standardType(ColumnType type) {
        return switch (type) {
            case STRING -> StandardSQLTypeName.STRING;
            case BYTES -> StandardSQLTypeName.BYTES;
            case INTEGER -> StandardSQLTypeName.INT64;
            case FLOAT -> StandardSQLTypeName.FLOAT64;
            case NUMERIC -> StandardSQLTypeName.NUMERIC;
            case BIGNUMERIC -> StandardSQLTypeName.BIGNUMERIC;
            case BOOLEAN -> StandardSQLTypeName.BOOL;
            case DATE -> StandardSQLTypeName.DATE;
            case TIME -> StandardSQLTypeName.TIME;
            case DATETIME -> StandardSQLTypeName.DATETIME;
            case TIMESTAMP -> StandardSQLTypeName.TIMESTAMP;
            case RECORD -> StandardSQLTypeName.STRUCT;
            case JSON -> StandardSQLTypeName.JSON;
            case INTERVAL -> StandardSQLTypeName.INTERVAL;
            case RANGE -> StandardSQLTypeName.RANGE;
        };
    }

    static ColumnType columnType(LegacySQLTypeName type) {
        StandardSQLTypeName standard = type.getStandardType();
        return switch (standard) {
            case STRING -> ColumnType.STRING;
            case BYTES -> ColumnType.BYTES;
            case INT64 -> ColumnType.INTEGER;
            case FLOAT64 -> ColumnType.FLOAT;
            case NUMERIC -> ColumnType.NUMERIC;
            case BIGNUMERIC -> ColumnType.BIGNUMERIC;
            case BOOL -> ColumnType.BOOLEAN;
            case DATE -> ColumnType.DATE;
            case TIME -> ColumnType.TIME;
            case DATETIME -> ColumnType.DATETIME;
            case TIMESTAMP -> ColumnType.TIMESTAMP;
            case STRUCT -> ColumnType.RECORD;
            case JSON -> ColumnType.JSON;
            case INTERVAL -> ColumnType.INTERVAL;
            case RANGE -> ColumnType.RANGE;
            default -> throw BigQueryErrors.failure(Code.UNIMPLEMENTED, "BigQuery column type " + standard
                    + " has no dicombq equivalent; dicombq reads STRING, BYTES, INTEGER, FLOAT, NUMERIC, BIGNUMERIC,"
                    + " BOOLEAN, DATE, TIME, DATETIME, TIMESTAMP, RECORD and JSON columns");
        };
    }
}
