package io.dicombq.adapter.out.sql;

import com.google.protobuf.ByteString;
import com.google.zetasql.ArrayType;
import com.google.zetasql.PreparedQuery;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.StructType;
import com.google.zetasql.TableContent;
import com.google.zetasql.Type;
import com.google.zetasql.Value;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ZetaSQL's reference implementation over the same rows as the warehouse: the oracle the embedded engine is held to
 * (specification 6.1). The table is registered once with its content; each query is prepared and executed on it.
 */
final class ReferenceOracle implements AutoCloseable {
    private final SimpleCatalog catalog;

    ReferenceOracle(String tableName, TableSchema schema, List<Row> rows) {
        catalog = new SimpleCatalog("oracle");
        catalog.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(ZetaSqlFrontEnd.bigQueryLanguage()));
        List<SimpleColumn> columns = new ArrayList<>();
        for (Column column : schema.columns()) {
            columns.add(new SimpleColumn(tableName, column.name(), ZetaTypes.of(column)));
        }
        catalog.addSimpleTable(tableName, new SimpleTable(tableName, columns));
        List<List<Value>> data = new ArrayList<>();
        for (Row row : rows) {
            List<Value> values = new ArrayList<>();
            for (Column column : schema.columns()) {
                values.add(value(ZetaTypes.of(column), row.get(column.name())));
            }
            data.add(values);
        }
        catalog.register(Map.of(tableName, TableContent.create(data)));
    }

    /** The rows the reference implementation gives, each value in {@link Canonical}'s form. */
    List<List<String>> run(String sql) {
        try (PreparedQuery query = PreparedQuery.builder().setSql(sql)
                .setAnalyzerOptions(ZetaSqlFrontEnd.analyzerOptions(ZetaSqlFrontEnd.bigQueryLanguage()))
                .setCatalog(catalog).prepare()) {
            TableContent content = query.execute(Map.of());
            List<List<String>> rows = new ArrayList<>();
            for (List<Value> row : content.getTableData()) {
                List<String> values = new ArrayList<>();
                for (Value value : row) {
                    values.add(Canonical.of(value));
                }
                rows.add(values);
            }
            return rows;
        }
    }

    @Override
    public void close() {
        catalog.unregister();
    }

    /** A warehouse row value (the {@link Row} Java types) as a ZetaSQL value of {@code type}. */
    static Value value(Type type, Object value) {
        if (value == null) {
            return Value.createNullValue(type);
        }
        if (type.isArray()) {
            Type element = ((ArrayType) type).getElementType();
            List<Value> elements = new ArrayList<>();
            for (Object item : (List<?>) value) {
                elements.add(value(element, item));
            }
            return Value.createArrayValue((ArrayType) type, elements);
        }
        if (type.isStruct()) {
            StructType struct = (StructType) type;
            List<Value> fields = new ArrayList<>();
            for (int i = 0; i < struct.getFieldCount(); i++) {
                fields.add(value(struct.getField(i).getType(), ((Row) value).get(struct.getField(i).getName())));
            }
            return Value.createStructValue(struct, fields);
        }
        switch (type.getKind()) {
            case TYPE_INT64:
                return Value.createInt64Value((Long) value);
            case TYPE_DOUBLE:
                return Value.createDoubleValue((Double) value);
            case TYPE_NUMERIC:
                return Value.createNumericValue((BigDecimal) value);
            case TYPE_BIGNUMERIC:
                return Value.createBigNumericValue((BigDecimal) value);
            case TYPE_STRING:
                return Value.createStringValue((String) value);
            case TYPE_BYTES:
                return Value.createBytesValue(ByteString.copyFrom((byte[]) value));
            case TYPE_BOOL:
                return Value.createBoolValue((Boolean) value);
            case TYPE_DATE:
                return Value.createDateValue((LocalDate) value);
            case TYPE_TIME:
                return Value.createTimeValue((LocalTime) value);
            case TYPE_DATETIME:
                return Value.createDatetimeValue((LocalDateTime) value);
            case TYPE_TIMESTAMP: {
                Instant instant = (Instant) value;
                return Value.createTimestampValueFromUnixMicros(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000);
            }
            case TYPE_JSON:
                return Value.createJsonValue(((JsonText) value).json());
            default:
                throw new IllegalArgumentException("no value of type " + type);
        }
    }
}
