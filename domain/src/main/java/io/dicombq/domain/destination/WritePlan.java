package io.dicombq.domain.destination;

/**
 * What an export does to its destination table, decided from force / writeDisposition and the table's state
 * (specification 1.2).
 */
public enum WritePlan {
    /** The table does not exist: create it with the export's schema and write. */
    CREATE(true),
    /** The table exists and is empty and WRITE_EMPTY is set: keep its columns, add new ones, write. */
    WRITE_INTO_EMPTY(false),
    /** force / --overwrite-table: replace the table, schema included. */
    OVERWRITE(true),
    /** WRITE_TRUNCATE: erase all rows and replace the schema, then write. */
    TRUNCATE_THEN_WRITE(true),
    /** WRITE_APPEND: keep rows and columns, add new columns, append. */
    APPEND(false);

    private final boolean replacesSchema;

    WritePlan(boolean replacesSchema) {
        this.replacesSchema = replacesSchema;
    }

    /** Whether the table ends with exactly the export's schema (else existing columns are kept and new ones added). */
    public boolean replacesSchema() {
        return replacesSchema;
    }
}
