package io.dicombq.adapter.out.h2.catalog;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** DDL on the H2 tables that hold rows; they are invisible to users until the catalog points at them. */
public final class PhysicalTables {
    private PhysicalTables() {
    }

    public static void createSchema(Connection connection, String schemaName) {
        Jdbc.execute(connection, "CREATE SCHEMA IF NOT EXISTS " + Names.quote(schemaName));
    }

    public static void dropSchema(Connection connection, String schemaName) {
        Jdbc.execute(connection, "DROP SCHEMA IF EXISTS " + Names.quote(schemaName) + " CASCADE");
    }

    /** Creates the table holding {@code table}'s rows, with the indexes every table gets ({@link #createIndexes}). */
    public static void create(Connection connection, TableEntry table) {
        create(connection, table.physicalSql(), table.schema());
        createIndexes(connection, table.physicalSql(), table.schema());
    }

    private static void create(Connection connection, String qualifiedName, TableSchema schema) {
        requireColumnsH2Holds(schema.columns(), "");
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(qualifiedName).append(" (");
        for (int i = 0; i < schema.columns().size(); i++) {
            ddl.append(i > 0 ? ", " : "").append(definition(schema.columns().get(i)));
        }
        Jdbc.execute(connection, ddl.append(')').toString());
    }

    /**
     * Indexes for the queries people run on DICOM metadata (specification 6): one covering "latest studies"
     * (grouped by StudyInstanceUID, reading StudyDate, StudyTime, PatientID) so H2 answers it from the index
     * without reading whole rows, one for lookups by PatientID. Only scalar columns the table has are used.
     */
    private static void createIndexes(Connection connection, String qualifiedName, TableSchema schema) {
        List<String> study = scalarColumns(schema, "StudyInstanceUID", "StudyDate", "StudyTime", "PatientID");
        if (!study.isEmpty() && study.get(0).equalsIgnoreCase(Names.quote("StudyInstanceUID"))) {
            Jdbc.execute(connection, "CREATE INDEX ON " + qualifiedName + " (" + String.join(", ", study) + ")");
        }
        List<String> patient = scalarColumns(schema, "PatientID");
        if (!patient.isEmpty()) {
            Jdbc.execute(connection, "CREATE INDEX ON " + qualifiedName + " (" + patient.get(0) + ")");
        }
    }

    private static List<String> scalarColumns(TableSchema schema, String... names) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            Column column = schema.column(name);
            if (column != null && !column.isRepeated() && !column.isRecord()) {
                found.add(Names.quote(column.name()));
            }
        }
        return found;
    }

    /** H2's longest identifier (org.h2.engine.Constants.MAX_IDENTIFIER_LENGTH); BigQuery allows 300 characters. */
    private static final int H2_NAME_LIMIT = 256;

    /**
     * Refuses, naming it, a column or field name longer than H2 can hold, or an INTERVAL or RANGE column (a query's
     * result type only here), before any DDL runs.
     */
    private static void requireColumnsH2Holds(List<Column> columns, String parent) {
        for (Column column : columns) {
            String path = parent + column.name();
            if (column.type() == ColumnType.INTERVAL || column.type() == ColumnType.RANGE) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "the field " + abbreviated(path) + " is " + column.type()
                        + ": the embedded warehouse answers " + column.type() + " result columns but keeps no "
                        + column.type() + " table column; store it as STRING (CAST(… AS STRING)), or use --warehouse=bigquery");
            }
            if (column.name().length() > H2_NAME_LIMIT) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "the field name " + abbreviated(path) + " has "
                        + column.name().length() + " characters; the embedded warehouse holds names of at most "
                        + H2_NAME_LIMIT + " (BigQuery allows 300): shorten it, or use --warehouse=bigquery");
            }
            requireColumnsH2Holds(column.fields(), path + ".");
        }
    }

    private static String abbreviated(String path) {
        return path.length() <= 60 ? path : path.substring(0, 40) + "…" + path.substring(path.length() - 10);
    }

    public static void drop(Connection connection, String qualifiedName) {
        Jdbc.execute(connection, "DROP TABLE IF EXISTS " + qualifiedName);
    }

    private static String definition(Column column) {
        String definition = Names.quote(column.name()) + " " + H2Types.of(column);
        if (column.isRepeated()) {
            // BigQuery never stores a NULL array; absent means empty.
            return definition + " DEFAULT ARRAY[] NOT NULL";
        }
        return column.mode() == Mode.REQUIRED ? definition + " NOT NULL" : definition;
    }
}
