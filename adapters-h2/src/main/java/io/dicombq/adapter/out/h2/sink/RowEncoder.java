package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.value.ValueJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.function.BiConsumer;

import static io.dicombq.adapter.out.h2.sink.SpillFormat.NEW_STRING;
import static io.dicombq.adapter.out.h2.sink.SpillFormat.NULL;
import static io.dicombq.adapter.out.h2.sink.SpillFormat.PRESENT;
import static io.dicombq.adapter.out.h2.sink.SpillFormat.STRING;
import static io.dicombq.adapter.out.h2.sink.SpillFormat.STRING_REF;
import static io.dicombq.adapter.out.h2.sink.SpillFormat.TRUE;

/**
 * Checks staged rows against the schema of their batch and encodes them for the spill file in the same walk: each
 * row's values by schema position (no names), repeated short strings by number. A value BigQuery would refuse is
 * INVALID_ARGUMENT naming the row and the column; the caller then keeps nothing of the batch.
 */
final class RowEncoder {
    /** Marks a field given with a NULL value, so a second spelling of the same field is still noticed. */
    private static final Object GIVEN_NULL = new Object();

    private final StringIds strings;
    private final SpillOutput out;
    private final Placer placer = new Placer();
    private TableSchema plannedSchema;
    private FieldPlan plan;
    /** Where the walk is, for error messages only: the row and the column path below it. */
    private int row;
    private String[] path = new String[16];
    private int depth;

    RowEncoder(StringIds strings, SpillOutput out) {
        this.strings = strings;
        this.out = out;
    }

    /** The columns of {@code schema} with their look-ups (kept while batches share a schema). */
    FieldPlan plan(TableSchema schema) {
        if (!schema.equals(plannedSchema)) {
            plannedSchema = schema;
            plan = new FieldPlan(schema.columns());
        }
        return plan;
    }

    /** Encodes the batch after whatever {@code out} holds; throws on the first value that does not fit. */
    void encode(TableSchema schema, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (schema.isEmpty()) {
            throw RowErrors.noColumns();
        }
        FieldPlan columns = plan(schema);
        for (row = 0; row < rows.size(); row++) {
            depth = 0;
            Row value = rows.get(row);
            if (value == null) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "row " + row + " is null");
            }
            record(value, columns);
        }
    }

    private void record(Row value, FieldPlan fields) {
        Object[] slots = placer.place(value, fields, this);
        for (int i = 0; i < slots.length; i++) {
            Object field = slots[i];
            column(fields, i, field == GIVEN_NULL ? null : field);
        }
    }

    private void column(FieldPlan fields, int position, Object value) {
        Column column = fields.column(position);
        enter(column.name());
        if (column.isRepeated()) {
            repeated(fields, position, value);
        } else if (value == null) {
            if (column.mode() == Mode.REQUIRED) {
                throw RowErrors.missingRequired(where());
            }
            out.put(NULL);
        } else {
            single(fields, position, value);
        }
        depth--;
    }

    private void repeated(FieldPlan fields, int position, Object value) {
        if (value == null) {
            out.putVarInt(0);
            return;
        }
        if (!(value instanceof List)) {
            throw RowErrors.notAList(where(), value);
        }
        List<?> items = (List<?>) value;
        out.putVarInt(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null) {
                throw RowErrors.nullElement(where(), i);
            }
            single(fields, position, item);
        }
    }

    /**
     * One non-NULL value of the column's type (an item, for REPEATED). The type check is fused with the encoding
     * (one switch per value on the staging hot path); the Java types accepted are those of {@link H2Values#fits}.
     * The types DICOM rows are mostly made of are encoded here, the others in {@link #other}: a smaller method for
     * the JIT to compile (docs/BENCHMARKS.md, session 9).
     */
    private void single(FieldPlan fields, int position, Object value) {
        Column column = fields.column(position);
        switch (column.type()) {
            case RECORD:
                if (value instanceof Row) {
                    out.put(PRESENT);
                    record((Row) value, fields.nested(position));
                    return;
                }
                break;
            case STRING:
                if (value instanceof String) {
                    string((String) value, fields, position);
                    return;
                }
                break;
            case INTEGER:
                if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    out.put(PRESENT);
                    out.putLong(((Number) value).longValue());
                    return;
                }
                break;
            case FLOAT:
                if (value instanceof Number && !(value instanceof BigDecimal)) {
                    out.put(PRESENT);
                    out.putLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
                    return;
                }
                break;
            default:
                if (other(column.type(), value)) {
                    return;
                }
                break;
        }
        throw RowErrors.doesNotFit(value, column.type(), where());
    }

    /** A value of the other types; false when it is not of {@code type}. */
    private boolean other(ColumnType type, Object value) {
        switch (type) {
            case NUMERIC:
            case BIGNUMERIC:
                if (value instanceof BigDecimal) {
                    out.put(PRESENT);
                    out.putVarInt(((BigDecimal) value).scale());
                    out.putBytes(((BigDecimal) value).unscaledValue().toByteArray());
                    return true;
                }
                return false;
            case BOOLEAN:
                if (value instanceof Boolean) {
                    out.put((Boolean) value ? TRUE : PRESENT);
                    return true;
                }
                return false;
            case BYTES:
                if (value instanceof byte[]) {
                    out.put(PRESENT);
                    out.putBytes((byte[]) value);
                    return true;
                }
                return false;
            case DATE:
                if (value instanceof LocalDate) {
                    out.put(PRESENT);
                    out.putLong(((LocalDate) value).toEpochDay());
                    return true;
                }
                return false;
            case TIME:
                if (value instanceof LocalTime) {
                    out.put(PRESENT);
                    out.putLong(((LocalTime) value).toNanoOfDay());
                    return true;
                }
                return false;
            case DATETIME:
                if (value instanceof LocalDateTime) {
                    out.put(PRESENT);
                    out.putLong(((LocalDateTime) value).toLocalDate().toEpochDay());
                    out.putLong(((LocalDateTime) value).toLocalTime().toNanoOfDay());
                    return true;
                }
                return false;
            case TIMESTAMP:
                if (value instanceof Instant) {
                    out.put(PRESENT);
                    out.putLong(((Instant) value).getEpochSecond());
                    out.putVarInt(((Instant) value).getNano());
                    return true;
                }
                return false;
            case JSON:
                if (value instanceof JsonText) {
                    out.put(PRESENT);
                    out.putBytes(json((JsonText) value));
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /** A string by number when its column's strings repeat, else in full. */
    private void string(String value, FieldPlan fields, int position) {
        if (fields.numbersStrings(position) && value.length() <= StringIds.MAX_LENGTH) {
            int id = strings.find(value);
            fields.countString(position, id >= 0);
            if (id >= 0) {
                out.put(STRING_REF);
                out.putVarInt(id);
                return;
            }
            if (strings.add(value)) {
                out.put(NEW_STRING);
                out.putString(value);
                return;
            }
        }
        out.put(STRING);
        out.putString(value);
    }

    /** JSON is parsed here so that invalid text is refused at staging; the spill keeps H2's normalised bytes. */
    private byte[] json(JsonText value) {
        try {
            return ValueJson.fromJson(value.json()).getBytesNoCopy();
        } catch (RuntimeException e) {
            throw RowErrors.invalidJson(where(), e.getMessage());
        }
    }

    private void enter(String name) {
        if (depth == path.length) {
            path = java.util.Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = name;
    }

    /** "row 3" at the top of a row, "row 3, column PatientName.Alphabetic" below it. */
    private String where() {
        StringBuilder text = new StringBuilder("row ").append(row);
        for (int i = 0; i < depth; i++) {
            text.append(i == 0 ? ", column " : ".").append(path[i]);
        }
        return text.toString();
    }

    /** Puts a row's values at their schema positions (one reusable visitor; no entry objects per field). */
    private static final class Placer implements BiConsumer<String, Object> {
        private FieldPlan fields;
        private Object[] slots;
        private RowEncoder encoder;
        private int next;

        Object[] place(Row value, FieldPlan fields, RowEncoder encoder) {
            Object[] placed = new Object[fields.size()];
            this.fields = fields;
            this.slots = placed;
            this.encoder = encoder;
            this.next = 0;
            value.values().forEach(this);
            return placed;
        }

        @Override
        public void accept(String name, Object value) {
            // Rows usually name their fields in schema order: try the next position before the look-up.
            int position = next < slots.length && name.equals(fields.name(next)) ? next : fields.position(name);
            if (position < 0) {
                throw RowErrors.noSuchField(name, encoder.where());
            }
            if (slots[position] != null) {
                throw RowErrors.givenTwice(fields.column(position).name(), encoder.where());
            }
            slots[position] = value == null ? GIVEN_NULL : value;
            next = position + 1;
        }
    }
}
