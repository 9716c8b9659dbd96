package io.dicombq.adapter.out.h2.catalog;

import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.DicombqException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * dicombq's bookkeeping tables in schema {@code __dicombq}: datasets, and for each table its BigQuery schema
 * (JSON, modes included) and the H2 table that holds its rows. The catalog row is the truth: a commit that
 * swaps a table's rows is one UPDATE here, so it is atomic whatever DDL happened before it.
 */
public final class Catalog {
    private static final String DATASETS = Names.meta("datasets");
    private static final String TABLES = Names.meta("tables");
    private static final String PHYSICAL_IDS = Names.meta("physical_ids");
    private static final String NUMS = Names.meta("nums");
    private static final String COMMITS = Names.meta("commits");
    /** One row counting the warehouse's checkpoints; see {@link #markCheckpoint}. */
    private static final String CHECKPOINTS = Names.meta("checkpoints");
    /** Physical tables are named {@code t_<n>}; anything else in a dataset schema is not ours. */
    public static final String PHYSICAL_PREFIX = "t_";
    /** How many numbers {@code nums} starts with: enough for every array of a typical DICOM instance. */
    private static final int INITIAL_NUMS = 10_000;

    private Catalog() {
    }

    public static void install(Connection connection) {
        Jdbc.execute(connection, "CREATE SCHEMA IF NOT EXISTS " + Names.quote(Names.META_SCHEMA));
        Jdbc.execute(connection, "CREATE TABLE IF NOT EXISTS " + DATASETS + " (project VARCHAR NOT NULL,"
                + " dataset VARCHAR NOT NULL, created TIMESTAMP(3) WITH TIME ZONE NOT NULL, PRIMARY KEY (project, dataset))");
        Jdbc.execute(connection, "CREATE TABLE IF NOT EXISTS " + TABLES + " (project VARCHAR NOT NULL,"
                + " dataset VARCHAR NOT NULL, table_name VARCHAR NOT NULL, physical VARCHAR NOT NULL,"
                + " schema_json VARCHAR NOT NULL, created TIMESTAMP(3) WITH TIME ZONE NOT NULL,"
                + " modified TIMESTAMP(3) WITH TIME ZONE NOT NULL, PRIMARY KEY (project, dataset, table_name))");
        Jdbc.execute(connection, "CREATE SEQUENCE IF NOT EXISTS " + PHYSICAL_IDS);
        Jdbc.execute(connection, "CREATE TABLE IF NOT EXISTS " + NUMS + " (n INT PRIMARY KEY)");
        Jdbc.execute(connection, "CREATE TABLE IF NOT EXISTS " + COMMITS + " (write_id VARCHAR PRIMARY KEY,"
                + " committed TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
        Jdbc.execute(connection, "CREATE TABLE IF NOT EXISTS " + CHECKPOINTS + " (id INT PRIMARY KEY, n BIGINT NOT NULL)");
        Jdbc.execute(connection, "INSERT INTO " + CHECKPOINTS + " SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM "
                + CHECKPOINTS + ")");
        ensureNums(connection, INITIAL_NUMS);
    }

    /**
     * Changes one row, so that the CHECKPOINT after it always has a version to write: H2 writes none when nothing
     * changed, and then returns before the versions handed over to its writing threads earlier are in the file
     * (RowWriteGate). With a version of its own to write, it waits for them, in order.
     */
    public static void markCheckpoint(Connection connection) {
        Jdbc.execute(connection, "UPDATE " + CHECKPOINTS + " SET n = n + 1");
    }

    /** The quoted name of the numbers table that correlated UNNEST joins against (BIGQUERY_EMULATION.md §2). */
    public static String numsTable() {
        return NUMS;
    }

    /** Grows {@code nums} to cover an array of {@code length} elements, so UNNEST never cuts an array short. */
    public static void ensureNums(Connection connection, int length) {
        for (int attempt = 1; ; attempt++) {
            int have = maxNum(connection);
            if (have >= length) {
                return;
            }
            try {
                // MERGE, not INSERT: numbers another writer added meanwhile are kept, not a duplicate key
                Jdbc.update(connection, "MERGE INTO " + NUMS + " KEY (n) SELECT X FROM SYSTEM_RANGE(?, ?)", have + 1,
                        Math.max(length, have * 2));
                return;
            } catch (DicombqException e) {
                // two processes growing it at once: one wins; the other finds the numbers there when it looks again
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static int maxNum(Connection connection) {
        Integer max = Jdbc.query(connection, "SELECT MAX(n) FROM " + NUMS, rs -> (Integer) rs.getObject(1)).get(0);
        return max == null ? 0 : max;
    }

    /** Records, inside the transaction that swaps a write in, that the write with this id committed. */
    public static void recordCommit(Connection connection, String writeId, Instant at) {
        Jdbc.update(connection, "INSERT INTO " + COMMITS + " (write_id, committed) VALUES (?, ?)", writeId, timestamp(at));
    }

    public static boolean committed(Connection connection, String writeId) {
        return !Jdbc.query(connection, "SELECT 1 FROM " + COMMITS + " WHERE write_id = ?", rs -> 1, writeId).isEmpty();
    }

    public static String nextPhysicalName(Connection connection) {
        long id = Jdbc.query(connection, "SELECT NEXT VALUE FOR " + PHYSICAL_IDS, rs -> rs.getLong(1)).get(0);
        return PHYSICAL_PREFIX + id;
    }

    // ---- datasets

    public static boolean datasetExists(Connection connection, String project, String dataset) {
        return !Jdbc.query(connection, "SELECT 1 FROM " + DATASETS + " WHERE project = ? AND dataset = ?",
                rs -> 1, project, dataset).isEmpty();
    }

    /** A dataset whose name equals {@code dataset} ignoring case, if any (H2 schema names ignore case here). */
    public static Optional<String> datasetIgnoringCase(Connection connection, String project, String dataset) {
        return Jdbc.query(connection, "SELECT dataset FROM " + DATASETS + " WHERE project = ? AND LOWER(dataset) = LOWER(?)",
                rs -> rs.getString(1), project, dataset).stream().findFirst();
    }

    public static void insertDataset(Connection connection, String project, String dataset, Instant created) {
        Jdbc.update(connection, "INSERT INTO " + DATASETS + " VALUES (?, ?, ?)", project, dataset, timestamp(created));
    }

    public static void deleteDataset(Connection connection, String project, String dataset) {
        Jdbc.update(connection, "DELETE FROM " + DATASETS + " WHERE project = ? AND dataset = ?", project, dataset);
    }

    public static List<String> datasets(Connection connection, String project) {
        return Jdbc.query(connection, "SELECT dataset FROM " + DATASETS + " WHERE project = ? ORDER BY dataset",
                rs -> rs.getString(1), project);
    }

    /** Every dataset of every project, as {@code [project, dataset]}. */
    public static List<String[]> allDatasets(Connection connection) {
        return Jdbc.query(connection, "SELECT project, dataset FROM " + DATASETS,
                rs -> new String[] {rs.getString(1), rs.getString(2)});
    }

    // ---- tables

    public static Optional<TableEntry> table(Connection connection, TableUri uri) {
        return Jdbc.query(connection, "SELECT physical, schema_json, created, modified FROM " + TABLES
                        + " WHERE project = ? AND dataset = ? AND table_name = ?",
                rs -> entry(uri, rs), uri.project(), uri.dataset(), uri.table()).stream().findFirst();
    }

    public static List<String> tables(Connection connection, String project, String dataset) {
        return Jdbc.query(connection, "SELECT table_name FROM " + TABLES + " WHERE project = ? AND dataset = ?"
                + " ORDER BY table_name", rs -> rs.getString(1), project, dataset);
    }

    /** The physical names the catalog points at in one dataset. */
    public static List<String> physicalNames(Connection connection, String project, String dataset) {
        return Jdbc.query(connection, "SELECT physical FROM " + TABLES + " WHERE project = ? AND dataset = ?",
                rs -> rs.getString(1), project, dataset);
    }

    public static void insertTable(Connection connection, TableEntry entry) {
        TableUri uri = entry.uri();
        Jdbc.update(connection, "INSERT INTO " + TABLES + " VALUES (?, ?, ?, ?, ?, ?, ?)", uri.project(), uri.dataset(),
                uri.table(), entry.physicalName(), SchemaJson.write(entry.schema()), timestamp(entry.created()),
                timestamp(entry.modified()));
    }

    public static void updateTable(Connection connection, TableEntry entry) {
        TableUri uri = entry.uri();
        Jdbc.update(connection, "UPDATE " + TABLES + " SET physical = ?, schema_json = ?, modified = ?"
                        + " WHERE project = ? AND dataset = ? AND table_name = ?", entry.physicalName(),
                SchemaJson.write(entry.schema()), timestamp(entry.modified()), uri.project(), uri.dataset(), uri.table());
    }

    public static void deleteTable(Connection connection, TableUri uri) {
        Jdbc.update(connection, "DELETE FROM " + TABLES + " WHERE project = ? AND dataset = ? AND table_name = ?",
                uri.project(), uri.dataset(), uri.table());
    }

    private static TableEntry entry(TableUri uri, ResultSet rs) throws SQLException {
        TableSchema schema = SchemaJson.read(rs.getString(2));
        return new TableEntry(uri, rs.getString(1), schema, rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
    }

    private static java.time.OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
