package io.dicombq.adapter.out.h2.sink;

import io.dicombq.domain.schema.Column;
import org.h2.value.TypeInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns of a table or the fields of a RECORD, in schema order, with the look-ups the encoder needs to place
 * a row's values by name: exact spelling first, then BigQuery's case-insensitive match.
 */
final class FieldPlan {
    private static final int TRIAL = 256;

    private final List<Column> columns;
    private final Column[] byPosition;
    private final FieldPlan[] nested;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Per column: strings looked up in the spill's {@link StringIds}, and how many of them were found. */
    private final int[] stringLookups;
    private final int[] stringHits;
    /** Per RECORD column: its items as last decoded (see {@link RecordCache}), made on first use. */
    private final RecordCache[] recordCaches;
    /** The H2 type of one value of each column, filled by the first decode (see {@link #elementTypes}). */
    private TypeInfo[] elementTypes;

    FieldPlan(List<Column> columns) {
        this.columns = columns;
        this.byPosition = columns.toArray(new Column[0]);
        this.nested = new FieldPlan[byPosition.length];
        this.stringLookups = new int[byPosition.length];
        this.stringHits = new int[byPosition.length];
        this.recordCaches = new RecordCache[byPosition.length];
        for (int i = 0; i < byPosition.length; i++) {
            exact.put(byPosition[i].name(), i);
            anyCase.put(byPosition[i].name(), i);
            if (byPosition[i].isRecord()) {
                nested[i] = new FieldPlan(byPosition[i].fields());
            }
        }
    }

    List<Column> columns() {
        return columns;
    }

    int size() {
        return byPosition.length;
    }

    Column column(int position) {
        return byPosition[position];
    }

    /** The fields of the RECORD column at {@code position}. */
    FieldPlan nested(int position) {
        return nested[position];
    }

    /** The name of the column at {@code position}. */
    String name(int position) {
        return byPosition[position].name();
    }

    RecordCache recordCache(int position) {
        RecordCache cache = recordCaches[position];
        if (cache == null) {
            cache = new RecordCache();
            recordCaches[position] = cache;
        }
        return cache;
    }

    /** The H2 type of one value of each column (the element type for REPEATED), computed once per plan. */
    TypeInfo[] elementTypes(H2Values h2) {
        if (elementTypes == null) {
            TypeInfo[] types = new TypeInfo[byPosition.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = h2.elementType(byPosition[i]);
            }
            elementTypes = types;
        }
        return elementTypes;
    }

    /**
     * Whether the column's strings are worth numbering: until {@value #TRIAL} look-ups, and after only if at least a
     * quarter were repeats. Unique values (SOP Instance UIDs) would fill the table and push it out of the CPU cache.
     */
    boolean numbersStrings(int position) {
        return stringLookups[position] < TRIAL || stringHits[position] * 4 >= stringLookups[position];
    }

    void countString(int position, boolean found) {
        if (stringLookups[position] < Integer.MAX_VALUE / 4) {
            stringLookups[position]++;
            if (found) {
                stringHits[position]++;
            }
        }
    }

    /** The position of a field name, matched the way BigQuery matches them (ignoring case); -1 if unknown. */
    int position(String name) {
        Integer position = exact.get(name);
        if (position == null) {
            position = anyCase.get(name);
        }
        return position == null ? -1 : position;
    }
}
