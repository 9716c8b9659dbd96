package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;

import org.h2.value.Value;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of {@link Row} values for spill files, guided by the schema of each batch: fields by
 * position (no names), each value one tag byte and then its bytes.
 */
final class RowCodec {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int DOUBLE = 3;
    private static final int TRUE = 4;
    private static final int FALSE = 5;
    private static final int DECIMAL = 6;
    private static final int BYTES = 7;
    private static final int DATE = 8;
    private static final int TIME = 9;
    private static final int DATETIME = 10;
    private static final int TIMESTAMP = 11;
    private static final int JSON = 12;
    private static final int ROW = 13;
    private static final int LIST = 14;

    private RowCodec() {
    }

    /**
     * Writes the row's values in the order of {@code columns} (the schema of its batch, which it was checked
     * against), without field names: the reader knows them from the same schema.
     */
    static void writeRow(DataOutputStream out, Row row, List<Column> columns) throws IOException {
        Map<String, Object> fields = FieldNames.canonical(row, columns, "staged row");
        for (Column column : columns) {
            write(out, fields.get(column.name()), column);
        }
    }

    /** Reads a row written by {@link #writeRow} with the same columns; absent (NULL) fields stay absent. */
    static Row readRow(DataInputStream in, List<Column> columns) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>(columns.size() * 2);
        for (Column column : columns) {
            Object value = read(in, column);
            if (value != null) {
                values.put(column.name(), value);
            }
        }
        return new Row(values);
    }

    /**
     * Reads a row written by {@link #writeRow} with the same columns straight into H2 values, without the
     * {@link Row} maps and checks in between (the row was checked at staging against these columns).
     */
    static Value[] readValues(DataInputStream in, List<Column> columns, H2Values h2) throws IOException {
        Value[] values = new Value[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readValue(in, columns.get(i), h2);
        }
        return values;
    }

    private static Value readValue(DataInputStream in, Column column, H2Values h2) throws IOException {
        int tag = in.readByte();
        if (tag == ROW) {
            return h2.record(column, readValues(in, column.fields(), h2));
        }
        if (tag == LIST) {
            Value[] items = new Value[in.readInt()];
            for (int i = 0; i < items.length; i++) {
                items[i] = readValue(in, column, h2);
            }
            return h2.array(column, items);
        }
        return h2.staged(column, readScalar(in, tag));
    }

    /** A value of a column: a RECORD's fields by position, a list item by item, anything else tagged. */
    private static void write(DataOutputStream out, Object value, Column column) throws IOException {
        if (value instanceof Row && column.isRecord()) {
            out.writeByte(ROW);
            writeRow(out, (Row) value, column.fields());
        } else if (value instanceof List) {
            out.writeByte(LIST);
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object item : list) {
                write(out, item, column);
            }
        } else {
            write(out, value);
        }
    }

    private static Object read(DataInputStream in, Column column) throws IOException {
        int tag = in.readByte();
        if (tag == ROW) {
            return readRow(in, column.fields());
        }
        if (tag == LIST) {
            int size = in.readInt();
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(read(in, column));
            }
            return list;
        }
        return readScalar(in, tag);
    }

    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String) {
            out.writeByte(STRING);
            writeString(out, (String) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeByte(LONG);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeByte(DOUBLE);
            out.writeDouble(((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            out.writeByte((Boolean) value ? TRUE : FALSE);
        } else if (value instanceof BigDecimal) {
            out.writeByte(DECIMAL);
            BigDecimal decimal = (BigDecimal) value;
            out.writeInt(decimal.scale());
            writeBytes(out, decimal.unscaledValue().toByteArray());
        } else if (value instanceof byte[]) {
            out.writeByte(BYTES);
            writeBytes(out, (byte[]) value);
        } else if (value instanceof LocalDate) {
            out.writeByte(DATE);
            out.writeLong(((LocalDate) value).toEpochDay());
        } else if (value instanceof LocalTime) {
            out.writeByte(TIME);
            out.writeLong(((LocalTime) value).toNanoOfDay());
        } else if (value instanceof LocalDateTime) {
            out.writeByte(DATETIME);
            LocalDateTime dateTime = (LocalDateTime) value;
            out.writeLong(dateTime.toLocalDate().toEpochDay());
            out.writeLong(dateTime.toLocalTime().toNanoOfDay());
        } else if (value instanceof Instant) {
            out.writeByte(TIMESTAMP);
            out.writeLong(((Instant) value).getEpochSecond());
            out.writeInt(((Instant) value).getNano());
        } else if (value instanceof JsonText) {
            out.writeByte(JSON);
            writeString(out, ((JsonText) value).json());
        } else {
            throw new IllegalArgumentException("not a Row value: " + value.getClass().getName());
        }
    }

    private static Object readScalar(DataInputStream in, int tag) throws IOException {
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case DECIMAL:
                int scale = in.readInt();
                return new BigDecimal(new BigInteger(readBytes(in)), scale);
            case BYTES:
                return readBytes(in);
            case DATE:
                return LocalDate.ofEpochDay(in.readLong());
            case TIME:
                return LocalTime.ofNanoOfDay(in.readLong());
            case DATETIME:
                return LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
            case TIMESTAMP:
                return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case JSON:
                return new JsonText(readString(in));
            default:
                throw new IOException("corrupt spill file: unknown tag " + tag);
        }
    }

    /** Strings as length-prefixed UTF-8 (writeUTF is limited to 64 KiB). */
    private static void writeString(DataOutputStream out, String text) throws IOException {
        writeBytes(out, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
