package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;
import org.h2.util.JSR310Utils;
import org.h2.value.TypeInfo;
import org.h2.value.Value;
import org.h2.value.ValueBigint;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueDouble;
import org.h2.value.ValueJson;
import org.h2.value.ValueNull;
import org.h2.value.ValueNumeric;
import org.h2.value.ValueVarbinary;
import org.h2.value.ValueVarchar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.dicombq.adapter.out.h2.sink.SpillFormat.NEW_STRING;
import static io.dicombq.adapter.out.h2.sink.SpillFormat.NULL;
import static io.dicombq.adapter.out.h2.sink.SpillFormat.STRING_REF;
import static io.dicombq.adapter.out.h2.sink.SpillFormat.TRUE;

/**
 * Reads rows written by {@link RowEncoder}: straight into H2 values for the table being loaded, or back into
 * {@link Row}s for a batch staged with an earlier, narrower schema. Batches must be read in file order, so that
 * numbered strings are known before they are referred to; each numbered string becomes one H2 value, shared by
 * every row that repeats it.
 */
final class RowDecoder {
    private final H2Values h2;
    private String[] strings = new String[1024];
    private Value[] varchars = new Value[1024];
    private int count;

    RowDecoder(H2Values h2) {
        this.h2 = h2;
    }

    /** One row as H2 values of the plan's columns, in order. */
    Value[] values(SpillInput in, FieldPlan fields) {
        TypeInfo[] types = fields.elementTypes(h2);
        Value[] values = new Value[types.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(in, fields, i, types[i]);
        }
        return values;
    }

    private Value value(SpillInput in, FieldPlan fields, int position, TypeInfo type) {
        if (fields.column(position).isRepeated()) {
            int size = in.getVarInt();
            Value[] items = size == 0 ? Value.EMPTY_VALUES : new Value[size];
            for (int i = 0; i < size; i++) {
                items[i] = single(in, fields, position, i, type, in.get());
            }
            return h2.array(type, items);
        }
        int tag = in.get();
        return tag == NULL ? ValueNull.INSTANCE : single(in, fields, position, 0, type, tag);
    }

    private Value single(SpillInput in, FieldPlan fields, int position, int item, TypeInfo type, int tag) {
        Column column = fields.column(position);
        switch (column.type()) {
            case RECORD:
                return record(in, fields, position, item, type);
            case STRING:
                return varchar(in, tag);
            case INTEGER:
                return ValueBigint.get(in.getLong());
            case FLOAT:
                return ValueDouble.get(Double.longBitsToDouble(in.getLong()));
            case BOOLEAN:
                return ValueBoolean.get(tag == TRUE);
            case JSON:
                return ValueJson.getInternal(in.getBytes());
            case BYTES:
                return ValueVarbinary.getNoCopy(in.getBytes());
            case NUMERIC:
            case BIGNUMERIC:
                return ValueNumeric.get(numeric(in));
            case DATE:
                return JSR310Utils.localDateToValue(LocalDate.ofEpochDay(in.getLong()));
            case TIME:
                return JSR310Utils.localTimeToValue(LocalTime.ofNanoOfDay(in.getLong()));
            case DATETIME:
                return JSR310Utils.localDateTimeToValue(dateTime(in));
            case TIMESTAMP:
                return JSR310Utils.instantToValue(Instant.ofEpochSecond(in.getLong(), in.getVarInt()));
            default:
                throw new IllegalStateException("no spill encoding for " + column.type());
        }
    }

    /**
     * A RECORD value: the same value as the previous row's item at this index when the bytes are the same (and
     * define no string, which must be numbered as it is read), else decoded.
     */
    private Value record(SpillInput in, FieldPlan fields, int position, int item, TypeInfo type) {
        FieldPlan nested = fields.nested(position);
        int start = in.position();
        boolean repeatable = skip(in, nested);
        int end = in.position();
        RecordCache cache = fields.recordCache(position);
        if (repeatable) {
            Value known = cache.find(item, in.array(), start, end);
            if (known != null) {
                return known;
            }
        }
        in.seek(start);
        Value value = H2Values.record(type, values(in, nested));
        if (repeatable) {
            cache.keep(item, in.array(), start, end, value);
        }
        return value;
    }

    /** Reads past one row of the plan's columns; false if it numbers a string (it must then be decoded). */
    private static boolean skip(SpillInput in, FieldPlan fields) {
        boolean repeatable = true;
        for (int i = 0; i < fields.size(); i++) {
            int count = fields.column(i).isRepeated() ? in.getVarInt() : 1;
            for (int k = 0; k < count; k++) {
                int tag = in.get();
                if (tag != NULL || fields.column(i).isRepeated()) {
                    repeatable &= skipSingle(in, fields, i, tag);
                }
            }
        }
        return repeatable;
    }

    private static boolean skipSingle(SpillInput in, FieldPlan fields, int position, int tag) {
        switch (fields.column(position).type()) {
            case RECORD:
                return skip(in, fields.nested(position));
            case STRING:
                if (tag == STRING_REF) {
                    in.getVarInt();
                } else {
                    in.skip(in.getVarInt());
                }
                return tag != NEW_STRING;
            case INTEGER:
            case FLOAT:
            case DATE:
            case TIME:
                in.skip(8);
                return true;
            case DATETIME:
                in.skip(16);
                return true;
            case TIMESTAMP:
                in.skip(8);
                in.getVarInt();
                return true;
            case NUMERIC:
            case BIGNUMERIC:
                in.getVarInt();
                in.skip(in.getVarInt());
                return true;
            case BYTES:
            case JSON:
                in.skip(in.getVarInt());
                return true;
            case BOOLEAN:
                return true;
            default:
                throw new IllegalStateException("no spill encoding for " + fields.column(position).type());
        }
    }

    private Value varchar(SpillInput in, int tag) {
        if (tag == STRING_REF) {
            int id = in.getVarInt();
            Value value = varchars[id];
            if (value == null) {
                value = ValueVarchar.get(strings[id]);
                varchars[id] = value;
            }
            return value;
        }
        String text = in.getString();
        if (tag == NEW_STRING) {
            Value value = ValueVarchar.get(text);
            number(text, value);
            return value;
        }
        return ValueVarchar.get(text);
    }

    /** One row as a {@link Row} of the plan's columns (NULL fields left out, as the encoder's input had them). */
    Row row(SpillInput in, FieldPlan fields) {
        Map<String, Object> values = new LinkedHashMap<>(fields.size() * 2);
        for (int i = 0; i < fields.size(); i++) {
            Object value = object(in, fields.column(i), fields.nested(i));
            if (value != null) {
                values.put(fields.column(i).name(), value);
            }
        }
        return new Row(values);
    }

    private Object object(SpillInput in, Column column, FieldPlan nested) {
        if (column.isRepeated()) {
            int size = in.getVarInt();
            List<Object> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(singleObject(in, column, nested, in.get()));
            }
            return items;
        }
        int tag = in.get();
        return tag == NULL ? null : singleObject(in, column, nested, tag);
    }

    private Object singleObject(SpillInput in, Column column, FieldPlan nested, int tag) {
        switch (column.type()) {
            case RECORD:
                return row(in, nested);
            case STRING:
                return string(in, tag);
            case INTEGER:
                return in.getLong();
            case FLOAT:
                return Double.longBitsToDouble(in.getLong());
            case BOOLEAN:
                return tag == TRUE;
            case JSON:
                return new JsonText(new String(in.getBytes(), StandardCharsets.UTF_8));
            case BYTES:
                return in.getBytes();
            case NUMERIC:
            case BIGNUMERIC:
                return numeric(in);
            case DATE:
                return LocalDate.ofEpochDay(in.getLong());
            case TIME:
                return LocalTime.ofNanoOfDay(in.getLong());
            case DATETIME:
                return dateTime(in);
            case TIMESTAMP:
                return Instant.ofEpochSecond(in.getLong(), in.getVarInt());
            default:
                throw new IllegalStateException("no spill encoding for " + column.type());
        }
    }

    private String string(SpillInput in, int tag) {
        if (tag == STRING_REF) {
            return strings[in.getVarInt()];
        }
        String text = in.getString();
        if (tag == NEW_STRING) {
            number(text, null);
        }
        return text;
    }

    private void number(String text, Value value) {
        if (count == strings.length) {
            strings = Arrays.copyOf(strings, count * 2);
            varchars = Arrays.copyOf(varchars, count * 2);
        }
        strings[count] = text;
        varchars[count++] = value;
    }

    private static BigDecimal numeric(SpillInput in) {
        int scale = in.getVarInt();
        return new BigDecimal(new BigInteger(in.getBytes()), scale);
    }

    private static LocalDateTime dateTime(SpillInput in) {
        LocalDate date = LocalDate.ofEpochDay(in.getLong());
        return LocalDateTime.of(date, LocalTime.ofNanoOfDay(in.getLong()));
    }
}
