package io.dicombq.domain.schema;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.List;
import java.util.Optional;

/** BigQuery's schema limits (quotas page, "Table limits" and "Column names"). */
public final class SchemaLimits {
    /** Leaf fields per table: BigQuery counts the non-RECORD fields at every level ("Too many total leaf fields"). */
    public static final int MAX_COLUMNS = 10_000;
    /** Levels of nested RECORD; a top-level RECORD is level 1. */
    public static final int MAX_RECORD_DEPTH = 15;
    /** Characters in one column name. */
    public static final int MAX_NAME_LENGTH = 300;

    private SchemaLimits() {
    }

    /** specification 3.8: the leaf fields, as BigQuery counts them; a RECORD counts only through its fields. */
    public static int columnCount(List<Column> columns) {
        int count = 0;
        for (Column column : columns) {
            count += column.isRecord() ? columnCount(column.fields()) : 1;
        }
        return count;
    }

    /** Deepest RECORD nesting of the columns (0 when there is no RECORD). */
    public static int recordDepth(List<Column> columns) {
        int depth = 0;
        for (Column column : columns) {
            if (column.isRecord()) {
                depth = Math.max(depth, 1 + recordDepth(column.fields()));
            }
        }
        return depth;
    }

    /** Refuses a schema BigQuery would refuse, with FAILED_PRECONDITION naming the limit it breaks (an export's schema). */
    public static TableSchema check(TableSchema schema) {
        Optional<String> violation = violation(schema);
        if (violation.isPresent()) {
            String advice = columnCount(schema.columns()) > MAX_COLUMNS
                    ? "; export fewer instances into this table (filter by study or series) or use --schema=json, whose"
                    + " table has a fixed set of columns" : "";
            throw new DicombqException(Code.FAILED_PRECONDITION, violation.get() + advice);
        }
        return schema;
    }

    /**
     * The first of BigQuery's schema limits that {@code schema} breaks, said as BigQuery says it where its words are
     * known ("Too many total leaf fields"); empty when it keeps them all. Exports and the emulator's tables share it.
     */
    public static Optional<String> violation(TableSchema schema) {
        int count = columnCount(schema.columns());
        if (count > MAX_COLUMNS) {
            return Optional.of("Too many total leaf fields: " + count + ", max allowed field count: " + MAX_COLUMNS
                    + ": the schema needs " + count + " leaf fields (columns that are not RECORDs, nested ones"
                    + " included), more than BigQuery's limit of " + MAX_COLUMNS + " leaf fields per table");
        }
        int depth = recordDepth(schema.columns());
        if (depth > MAX_RECORD_DEPTH) {
            return Optional.of("the schema nests RECORD columns " + depth + " levels deep, more than BigQuery's"
                    + " limit of " + MAX_RECORD_DEPTH + " levels");
        }
        return longName(schema.columns(), "");
    }

    private static Optional<String> longName(List<Column> columns, String path) {
        for (Column column : columns) {
            String where = path.isEmpty() ? column.name() : path + "." + column.name();
            if (column.name().length() > MAX_NAME_LENGTH) {
                return Optional.of("column name " + where + " has " + column.name().length() + " characters, more"
                        + " than BigQuery's limit of " + MAX_NAME_LENGTH + " characters per column name");
            }
            Optional<String> nested = longName(column.fields(), where);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }
}
