package io.dicombq.adapter.out.h2.catalog;

/** Quoting and the mapping of BigQuery names to H2 schema names. */
public final class Names {
    /** The schema holding dicombq's own bookkeeping tables. */
    public static final String META_SCHEMA = "__dicombq";

    private Names() {
    }

    /** An H2 quoted identifier; the name may hold any character, a double quote is doubled. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * The H2 schema of a dataset: {@code project.dataset}. A dataset name holds only letters, digits and
     * underscores (specification 1.1), so the last dot splits it back, and projects with dashes stay distinct.
     */
    public static String schemaOf(String project, String dataset) {
        return project + "." + dataset;
    }

    public static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    public static String meta(String table) {
        return qualified(META_SCHEMA, table);
    }
}
