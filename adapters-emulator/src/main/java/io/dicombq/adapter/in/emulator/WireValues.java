package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.schema.BigNumeric;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row values on the BigQuery wire: the f/v cells of tabledata.list and query results (every scalar a string,
 * NULL as {@code {"v":null}}), and the plain JSON objects of insertAll and newline-delimited JSON loads.
 */
final class WireValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private WireValues() {
    }

    // ---- f/v cells (responses) ----

    static ObjectNode toCells(List<Column> columns, Row row, TimestampFormat timestamps) {
        ArrayNode cells = NODES.arrayNode(columns.size());
        for (Column column : columns) {
            cells.add(cell(column, row.get(column.name()), timestamps));
        }
        ObjectNode record = NODES.objectNode();
        record.set("f", cells);
        return record;
    }

    private static ObjectNode cell(Column column, Object value, TimestampFormat timestamps) {
        ObjectNode cell = NODES.objectNode();
        if (column.isRepeated()) {
            ArrayNode elements = cell.putArray("v");
            if (value != null) {
                for (Object element : (List<?>) value) {
                    ObjectNode wrapped = NODES.objectNode();
                    wrapped.set("v", scalarCell(column, element, timestamps));
                    elements.add(wrapped);
                }
            }
            return cell;
        }
        // The client rejects {} for NULL; the cell must say "v": null explicitly.
        cell.set("v", scalarCell(column, value, timestamps));
        return cell;
    }

    private static JsonNode scalarCell(Column column, Object value, TimestampFormat timestamps) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (column.isRecord()) {
            return toCells(column.fields(), (Row) value, timestamps);
        }
        return NODES.textNode(text(column.type(), value, timestamps));
    }

    private static String text(ColumnType type, Object value, TimestampFormat timestamps) {
        return switch (type) {
            // INTERVAL and RANGE in their canonical text, as BigQuery sends them ("0-0 10 0:0:0", "[2020-01-01, UNBOUNDED)")
            case STRING, INTERVAL, RANGE -> (String) value;
            case INTEGER -> Long.toString(((Number) value).longValue());
            // "NaN", "Infinity", "-Infinity" are BigQuery's texts too
            case FLOAT -> Double.toString(((Number) value).doubleValue());
            case BOOLEAN -> value.toString();
            case NUMERIC, BIGNUMERIC -> numeric((BigDecimal) value);
            case BYTES -> Base64.getEncoder().encodeToString((byte[]) value);
            case DATE -> value.toString();
            case TIME -> time((LocalTime) value);
            case DATETIME -> ((LocalDateTime) value).toLocalDate() + "T" + time(((LocalDateTime) value).toLocalTime());
            case TIMESTAMP -> timestamps.text((Instant) value);
            case JSON -> ((JsonText) value).json();
            case RECORD -> throw new IllegalStateException("records are cells, not text");
        };
    }

    /**
     * BigQuery's TIME cell: {@code HH:MM:SS}, or {@code HH:MM:SS.ffffff} when there is a fraction, always six digits
     * (issue 17: Google's Python client takes no other length, "Unknown time format"). DATETIME ends the same way.
     */
    static String time(LocalTime time) {
        int micros = time.getNano() / 1_000;
        String seconds = SECONDS.format(time);
        return micros == 0 ? seconds : seconds + "." + String.format("%06d", micros);
    }

    /** A BIGNUMERIC cell: rounded to 38 digits after the point; outside BIGNUMERIC's range it is an error. */
    private static BigDecimal bigNumeric(BigDecimal value, Object where) {
        BigDecimal rounded = BigNumeric.rounded(value);
        if (rounded == null) {
            throw invalid(where + ": " + value.toPlainString() + " is outside the range of BIGNUMERIC");
        }
        return rounded;
    }

    /** NUMERIC and BIGNUMERIC as BigQuery prints them: plain digits, no trailing fraction zeros ({@code "1.5"}, {@code "100"}). */
    static String numeric(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /**
     * The TIMESTAMP cell without {@code formatOptions.useInt64Timestamp}: epoch seconds in the notation of Java's
     * {@code Double.toString}, as BigQuery sends it ({@code "1.4338368E9"}, {@code "1.577934245123456E9"}), but
     * exact to the microsecond: decimal from the microseconds, never through a double.
     */
    static String epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(epochMicros(instant), 6);
        if (seconds.signum() == 0) {
            return "0.0";
        }
        BigDecimal magnitude = seconds.abs().stripTrailingZeros();
        String sign = seconds.signum() < 0 ? "-" : "";
        if (magnitude.compareTo(new BigDecimal("0.001")) >= 0 && magnitude.compareTo(BigDecimal.valueOf(10_000_000)) < 0) {
            String plain = magnitude.scale() <= 0 ? magnitude.setScale(1).toPlainString() : magnitude.toPlainString();
            return sign + plain;
        }
        String digits = magnitude.unscaledValue().toString();
        int exponent = digits.length() - 1 - magnitude.scale();
        String fraction = digits.length() == 1 ? "0" : digits.substring(1);
        return sign + digits.charAt(0) + "." + fraction + "E" + exponent;
    }

    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    // ---- plain JSON rows (insertAll, NDJSON loads) ----

    /**
     * One JSON object as a row of {@code columns}. {@code where} names the row in errors. Unknown fields are an
     * error unless {@code ignoreUnknown}, as in BigQuery.
     */
    static Row fromJson(List<Column> columns, JsonNode object, boolean ignoreUnknown, Object where) {
        if (!object.isObject()) {
            throw invalid(where + ": a row must be a JSON object, found " + object.getNodeType());
        }
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(Math.max(16, object.size() * 2));
        int next = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            int position = position(columns, next, field.getKey());
            if (position < 0) {
                if (ignoreUnknown) {
                    continue;
                }
                throw invalid(where + ": no such field: " + field.getKey() + ".");
            }
            Column column = columns.get(position);
            next = position + 1;
            Object value = value(column, field.getValue(), ignoreUnknown, where);
            if (value != null) {
                values.put(column.name(), value);
            }
        }
        requireRequired(columns, values, where);
        return Row.handOver(values);
    }

    /** A scalar given as JSON (a query parameter's value, for instance) as the domain value of {@code type}. */
    static Object scalarOf(ColumnType type, JsonNode node, String where) {
        Column column = Column.of(where, type, io.dicombq.domain.schema.Mode.NULLABLE);
        return node == null || node.isNull() ? null : scalar(column, node, false, where);
    }

    /**
     * Where the column of {@code name} is, looked for from {@code next} on first: rows written from a schema (the
     * export's NDJSON) name their fields in column order, spelt as the columns, leaving out those without a value.
     * An exact name is the one match a case-blind search would find, since column names differ in more than case.
     */
    static int position(List<Column> columns, int next, String name) {
        for (int i = next; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return position(columns, name);
    }

    /** Fails when a REQUIRED column has no value in {@code values}. */
    static void requireRequired(List<Column> columns, Map<String, Object> values, Object where) {
        for (Column column : columns) {
            if (column.mode() == io.dicombq.domain.schema.Mode.REQUIRED && !values.containsKey(column.name())) {
                throw invalid(where + ": missing required field: " + column.name() + ".");
            }
        }
    }

    /** Where the column of {@code name} is, in any letter case as in BigQuery, or -1. */
    private static int position(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code row} names the row (or RECORD) holding the value in errors; the field's own place is spelt only then. */
    private static Object value(Column column, JsonNode node, boolean ignoreUnknown, Object row) {
        Object where = new Field(row, column.name());
        if (node == null || node.isNull()) {
            return null;
        }
        if (column.isRepeated()) {
            if (!node.isArray()) {
                throw invalid(where + ": a REPEATED field needs a JSON array, found " + node.getNodeType());
            }
            List<Object> elements = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                if (element.isNull()) {
                    throw invalid(where + ": an array cannot hold NULL elements");
                }
                elements.add(scalar(column, element, ignoreUnknown, where));
            }
            return elements;
        }
        return scalar(column, node, ignoreUnknown, where);
    }

    static Object scalar(Column column, JsonNode node, boolean ignoreUnknown, Object where) {
        try {
            return switch (column.type()) {
                case RECORD -> fromJson(column.fields(), node, ignoreUnknown, where);
                case STRING -> node.isValueNode() ? node.asText() : failType(column, node, where);
                case INTEGER -> node.isIntegralNumber() ? node.longValue() : Long.parseLong(textOf(column, node, where));
                case FLOAT -> node.isNumber() ? node.doubleValue() : Double.parseDouble(textOf(column, node, where));
                case BOOLEAN -> node.isBoolean() ? node.booleanValue() : parseBoolean(textOf(column, node, where));
                case NUMERIC -> node.isNumber() ? node.decimalValue() : new BigDecimal(textOf(column, node, where));
                case BIGNUMERIC -> bigNumeric(node.isNumber() ? node.decimalValue() : new BigDecimal(textOf(column, node, where)), where);
                case BYTES -> Base64.getDecoder().decode(textOf(column, node, where));
                case DATE -> LocalDate.parse(textOf(column, node, where));
                case TIME -> LocalTime.parse(textOf(column, node, where));
                case DATETIME -> LocalDateTime.parse(textOf(column, node, where).replace(' ', 'T'));
                case TIMESTAMP -> node.isNumber() ? WireTimestamps.fromEpochSeconds(node.decimalValue())
                        : WireTimestamps.parse(textOf(column, node, where));
                // insertAll sends a JSON column as a string holding the document; a load may embed the document itself.
                case INTERVAL, RANGE -> throw new DicombqException(Code.UNIMPLEMENTED, where + ": " + column.type()
                        + " values are not supported by the dicombq BigQuery emulator");
                case JSON -> new JsonText(node.isTextual() ? WireJson.normalise(node.textValue(), where.toString())
                        : WireJson.write(node));
            };
        } catch (RuntimeException e) {
            if (e instanceof DicombqException dicombq) {
                throw dicombq;
            }
            throw invalid(where + ": cannot read " + node + " as " + column.type() + " (" + e.getMessage() + ")");
        }
    }

    private static String textOf(Column column, JsonNode node, Object where) {
        if (!node.isValueNode()) {
            failType(column, node, where);
        }
        return node.asText();
    }

    private static Object failType(Column column, JsonNode node, Object where) {
        throw invalid(where + ": a " + column.type() + " field cannot hold a JSON " + node.getNodeType());
    }

    private static boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not true or false");
    }

    /** A field's place in errors, {@code row.field}, spelt only when an error needs it. */
    record Field(Object row, String name) {
        @Override
        public String toString() {
            return row + "." + name;
        }
    }

    static DicombqException invalid(String message) {
        return new DicombqException(Code.INVALID_ARGUMENT, message);
    }
}
