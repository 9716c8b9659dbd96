package io.dicombq.pipeline.beam;

import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row's values in a compact tagged binary form, so that rows travel between a runner's workers exactly as the
 * mapper made them (every value type {@link Row} documents, nested records and arrays, column order kept).
 */
final class RowBinary {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int DOUBLE = 3;
    private static final int BOOLEAN = 4;
    private static final int NUMERIC = 5;
    private static final int BYTES = 6;
    private static final int DATE = 7;
    private static final int TIME = 8;
    private static final int DATETIME = 9;
    private static final int TIMESTAMP = 10;
    private static final int JSON = 11;
    private static final int RECORD = 12;
    private static final int LIST = 13;

    private RowBinary() {
    }

    static void write(Row row, DataOutputStream out) throws IOException {
        out.writeInt(row.values().size());
        for (Map.Entry<String, Object> entry : row.values().entrySet()) {
            text(entry.getKey(), out);
            value(entry.getValue(), out);
        }
    }

    static Row read(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            values.put(text(in), value(in));
        }
        return new Row(values);
    }

    private static void value(Object value, DataOutputStream out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            text(text, out);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof BigDecimal number) {
            out.writeByte(NUMERIC);
            out.writeInt(number.scale());
            bytes(number.unscaledValue().toByteArray(), out);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            bytes(bytes, out);
        } else if (value instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeLong(date.toEpochDay());
        } else if (value instanceof LocalTime time) {
            out.writeByte(TIME);
            out.writeLong(time.toNanoOfDay());
        } else if (value instanceof LocalDateTime dateTime) {
            out.writeByte(DATETIME);
            out.writeLong(dateTime.toLocalDate().toEpochDay());
            out.writeLong(dateTime.toLocalTime().toNanoOfDay());
        } else if (value instanceof Instant instant) {
            out.writeByte(TIMESTAMP);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (value instanceof JsonText json) {
            out.writeByte(JSON);
            text(json.json(), out);
        } else if (value instanceof Row record) {
            out.writeByte(RECORD);
            write(record, out);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                value(item, out);
            }
        } else {
            throw new IllegalArgumentException("a row value cannot be a " + value.getClass().getName());
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> text(in);
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case NUMERIC -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(bytes(in)), scale);
            }
            case BYTES -> bytes(in);
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIME -> LocalTime.ofNanoOfDay(in.readLong());
            case DATETIME -> LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
            case TIMESTAMP -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case JSON -> new JsonText(text(in));
            case RECORD -> read(in);
            case LIST -> {
                int size = in.readInt();
                List<Object> items = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    items.add(value(in));
                }
                yield items;
            }
            default -> throw new IOException("corrupt row encoding: unknown value tag " + tag);
        };
    }

    private static void text(String text, DataOutputStream out) throws IOException {
        bytes(text.getBytes(StandardCharsets.UTF_8), out);
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static void bytes(byte[] bytes, DataOutputStream out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
