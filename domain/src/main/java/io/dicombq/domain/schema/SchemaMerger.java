package io.dicombq.domain.schema;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Combines schemas. {@link #merge} is the union of instance schemas: commutative and associative, its
 * result in canonical order ({@link ColumnOrder}), so the table schema does not depend on the order
 * instances are read in. {@link #extend} adds an export's columns to an existing table's schema the way
 * BigQuery allows a schema to change (only new columns and new nested fields, appended at the end).
 *
 * <p>Conflict rule of {@link #merge} (same name, case-insensitively, as BigQuery compares names):
 * <ul>
 *   <li>mode: REPEATED if either is REPEATED, else NULLABLE if either is, else REQUIRED: one value fits an array;</li>
 *   <li>two RECORDs: one RECORD with the union of their fields;</li>
 *   <li>a RECORD and a scalar: the RECORD; the scalar values cannot be represented and
 *       {@link RowConformer} lists them in DroppedTags;</li>
 *   <li>two different scalar types: STRING, every value in its canonical text ({@link ValueText}).</li>
 * </ul>
 */
public final class SchemaMerger {
    private final ColumnOrder order;

    public SchemaMerger(ColumnOrder order) {
        this.order = order;
    }

    public static SchemaMerger canonical() {
        return new SchemaMerger(ColumnOrder.canonical());
    }

    /** The union of two schemas, checked against BigQuery's limits ({@link SchemaLimits#check}). */
    public TableSchema merge(TableSchema a, TableSchema b) {
        if (a.equals(b)) {
            return a;
        }
        return SchemaLimits.check(new TableSchema(mergeColumns(a.columns(), b.columns())));
    }

    public TableSchema mergeAll(Collection<TableSchema> schemas) {
        List<Column> columns = List.of();
        for (TableSchema schema : schemas) {
            columns = mergeColumns(columns, schema.columns());
        }
        return SchemaLimits.check(new TableSchema(columns));
    }

    /** The union of two column lists without the limit check (also used for the fields of sequence items). */
    public List<Column> mergeColumns(List<Column> a, List<Column> b) {
        if (a.equals(b) && isSorted(a)) {
            return a;
        }
        Map<String, Column> byName = new LinkedHashMap<>();
        for (List<Column> side : List.of(a, b)) {
            for (Column column : side) {
                byName.merge(key(column.name()), column, this::mergeColumn);
            }
        }
        List<Column> merged = new ArrayList<>(byName.values());
        merged.sort(order);
        return merged;
    }

    private boolean isSorted(List<Column> columns) {
        for (int i = 1; i < columns.size(); i++) {
            if (order.compare(columns.get(i - 1), columns.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private Column mergeColumn(Column a, Column b) {
        if (a.equals(b)) {
            return a;
        }
        String name = a.name().compareTo(b.name()) <= 0 ? a.name() : b.name();
        Mode mode = wider(a.mode(), b.mode());
        if (a.isRecord() && b.isRecord()) {
            return Column.record(name, mode, mergeColumns(a.fields(), b.fields()));
        }
        if (a.isRecord() || b.isRecord()) {
            Column record = a.isRecord() ? a : b;
            return Column.record(name, mode, order.sorted(record.fields()));
        }
        ColumnType type = a.type() == b.type() ? a.type() : ColumnType.STRING;
        return Column.of(name, type, mode);
    }

    private static Mode wider(Mode a, Mode b) {
        if (a == Mode.REPEATED || b == Mode.REPEATED) {
            return Mode.REPEATED;
        }
        return a == Mode.NULLABLE || b == Mode.NULLABLE ? Mode.NULLABLE : Mode.REQUIRED;
    }

    /**
     * The schema to give an existing table that receives this export (WRITE_APPEND, or an existing empty
     * table): every existing column stays where it is with its type; the export's new columns and new
     * nested fields are appended after them in canonical order; REQUIRED columns become NULLABLE because
     * the export's rows may not have them. A column the export needs in a form the table cannot take
     * (another type, other than into STRING; REPEATED into a NULLABLE column; a RECORD for a scalar or
     * the reverse) is FAILED_PRECONDITION, since BigQuery cannot change a column in place.
     */
    public TableSchema extend(TableSchema existing, TableSchema export) {
        return SchemaLimits.check(new TableSchema(extendColumns(existing.columns(), export.columns(), "")));
    }

    private List<Column> extendColumns(List<Column> existing, List<Column> export, String path) {
        Map<String, Column> incoming = new LinkedHashMap<>();
        for (Column column : export) {
            incoming.put(key(column.name()), column);
        }
        List<Column> result = new ArrayList<>(existing.size() + export.size());
        for (Column column : existing) {
            Column wanted = incoming.remove(key(column.name()));
            result.add(wanted == null ? relaxed(column) : extendColumn(column, wanted, path));
        }
        List<Column> added = new ArrayList<>(incoming.values());
        added.sort(order);
        result.addAll(added);
        return result;
    }

    private Column extendColumn(Column existing, Column wanted, String path) {
        String where = path.isEmpty() ? existing.name() : path + "." + existing.name();
        Mode mode = existing.mode() == Mode.REQUIRED ? Mode.NULLABLE : existing.mode();
        boolean modeFits = mode == Mode.REPEATED || wanted.mode() != Mode.REPEATED;
        if (existing.isRecord() && wanted.isRecord() && modeFits) {
            return Column.record(existing.name(), mode, extendColumns(existing.fields(), wanted.fields(), where));
        }
        boolean typeFits = !existing.isRecord() && !wanted.isRecord()
                && (existing.type() == wanted.type() || existing.type() == ColumnType.STRING);
        if (!typeFits || !modeFits) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "column " + where + " of the destination table is "
                    + existing.type() + " " + existing.mode() + " but this export writes it as " + wanted.type() + " "
                    + wanted.mode() + "; BigQuery cannot change a column's type or make it REPEATED in place:"
                    + " replace the table (WRITE_TRUNCATE or --overwrite-table) or export to a new table");
        }
        return Column.of(existing.name(), existing.type(), mode);
    }

    private static Column relaxed(Column column) {
        if (column.mode() != Mode.REQUIRED && !column.isRecord()) {
            return column;
        }
        Mode mode = column.mode() == Mode.REQUIRED ? Mode.NULLABLE : column.mode();
        if (!column.isRecord()) {
            return Column.of(column.name(), column.type(), mode);
        }
        return Column.record(column.name(), mode, column.fields().stream().map(SchemaMerger::relaxed).toList());
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
