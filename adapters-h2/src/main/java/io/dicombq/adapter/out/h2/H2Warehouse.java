package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.adapter.out.h2.catalog.PhysicalTables;
import io.dicombq.adapter.out.h2.catalog.SchemaChange;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.adapter.out.h2.sink.H2TableSink;
import io.dicombq.adapter.out.h2.sink.RowInserter;
import io.dicombq.adapter.out.h2.sink.RowReader;
import io.dicombq.adapter.out.h2.sink.StagingFiles;
import io.dicombq.adapter.out.h2.sink.TableCopier;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * The embedded BigQuery stand-in: projects, datasets and tables with nested and repeated columns in one H2
 * database. Each (project, dataset) is one H2 schema named {@code project.dataset}; each table's rows live in a
 * generated H2 table the catalog points at, so replacing a table's contents is one catalog update. Errors are
 * {@link DicombqException}s with BigQuery's codes.
 */
public final class H2Warehouse implements AutoCloseable {
    /**
     * BigQuery's recommended maximum rows per insertAll request, inserted in one transaction: under 100 ms at the
     * write benchmark's rates (docs/BENCHMARKS.md), even with 179 private elements per row.
     */
    static final int IN_PLACE_ROWS = 500;

    private final Set<AutoCloseable> background = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final H2Database database;
    private final Clock clock;
    /** Queries read catalog pointers; commits swap them and drop the old tables, so they exclude each other. */
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();

    private final Path stagingDirectory;
    private final boolean ownsStagingDirectory;
    private final WriterLease lease;
    private final RowWriteGate rowWriteGate;
    private final TableLocks tableLocks = new TableLocks();
    private final boolean openedAlone;
    private final java.util.Map<String, Boolean> installedExtensions = new java.util.concurrent.ConcurrentHashMap<>();

    private H2Warehouse(H2Database database, Clock clock, Path stagingDirectory, WriterLease lease, boolean inMemory,
                        LongSupplier nanoTime) {
        this.database = database;
        this.clock = clock;
        this.stagingDirectory = stagingDirectory;
        this.ownsStagingDirectory = inMemory;
        this.lease = lease;
        this.rowWriteGate = new RowWriteGate(database, !inMemory, nanoTime, lease);
        try (Connection connection = database.connection()) {
            // Another process sharing the database (AUTO_SERVER) may be mid-write or mid-query: leave its things be.
            boolean alone = Jdbc.query(connection, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS",
                    rs -> rs.getLong(1)).get(0) == 1;
            this.openedAlone = alone;
            if (alone) {
                durably(() -> {
                    Catalog.install(connection);
                    dropStaleTables(connection);
                    StagingFiles.deleteStale(stagingDirectory);
                });
            } else {
                // The process serving the database installed the catalog: this only finds it there, and a reader
                // (operations describe, query) must not wait for another process's write to end.
                Catalog.install(connection);
            }
        } catch (SQLException e) {
            database.close();
            lease.close();
            throw Jdbc.internal("opening the warehouse", e);
        } catch (RuntimeException e) {
            database.close();
            lease.close();
            throw e;
        }
    }

    /** Whether {@code dataDir} holds a file-backed warehouse already (opening it creates none). */
    public static boolean existsIn(Path dataDir) {
        return java.nio.file.Files.exists(H2Database.fileIn(dataDir));
    }

    /** The file-backed warehouse in {@code dataDir} (created if absent). */
    public static H2Warehouse open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    public static H2Warehouse open(Path dataDir, Clock clock) {
        WriterLease lease = WriterLease.in(dataDir);
        H2Database database;
        try {
            // H2 never writes into a file it had to recover after a crash: that file is first copied afresh.
            UncleanFileRewrite.ifLeftByACrash(dataDir, lease);
            database = H2Database.file(dataDir);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return new H2Warehouse(database, clock, dataDir.toAbsolutePath().resolve("staging"), lease, false,
                System::nanoTime);
    }

    /** A private in-memory warehouse, gone when closed (for tests). */
    public static H2Warehouse inMemory(String name) {
        return inMemory(name, Clock.systemUTC());
    }

    public static H2Warehouse inMemory(String name, Clock clock) {
        try {
            return new H2Warehouse(H2Database.inMemory(name), clock, Files.createTempDirectory("dicombq-staging-"),
                    WriterLease.IN_PROCESS, true, System::nanoTime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory for the in-memory warehouse", e);
        }
    }

    public H2Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    /** Where staged writes keep their rows until commit. */
    public Path stagingDirectory() {
        return stagingDirectory;
    }

    public ReentrantReadWriteLock swapLock() {
        return swapLock;
    }

    /** Every transaction that writes ROW values goes through it, so the database always reopens after a crash. */
    public RowWriteGate rowWriteGate() {
        return rowWriteGate;
    }

    /**
     * Runs a write holding the {@link WriterLease} (one process writes at a time) and, for a table, its lock in this
     * process (one write to a table at a time), then writes a version to disk: once this returns, a crash keeps it.
     */
    public <T> T durably(TableUri table, java.util.function.Supplier<T> work) {
        return durably(() -> tableLocks.holding(table, work));
    }

    private <T> T durably(java.util.function.Supplier<T> work) {
        return lease.hold(() -> {
            T result = work.get();
            rowWriteGate.checkpoint();
            return result;
        });
    }

    private void durably(Runnable work) {
        durably(() -> {
            work.run();
            return null;
        });
    }

    // ---- datasets

    public void createDataset(String project, String dataset) {
        // TableUri checks project and dataset IDs against BigQuery's naming rules (specification 1.1).
        new TableUri(project, dataset, "table");
        durably(() -> createDatasetNow(project, dataset));
    }

    private void createDatasetNow(String project, String dataset) {
        try (Connection connection = database.connection()) {
            Optional<String> clash = Catalog.datasetIgnoringCase(connection, project, dataset);
            if (clash.isPresent()) {
                String reason = clash.get().equals(dataset) ? "" : " (the embedded warehouse cannot hold datasets"
                        + " whose names differ only in letter case; it has " + clash.get() + ")";
                throw new DicombqException(Code.ALREADY_EXISTS, "Already Exists: Dataset " + project + ":" + dataset + reason);
            }
            PhysicalTables.createSchema(connection, Names.schemaOf(project, dataset));
            Catalog.insertDataset(connection, project, dataset, clock.instant());
        } catch (SQLException e) {
            throw Jdbc.internal("createDataset", e);
        }
    }

    /** Deletes a dataset; one with tables needs {@code deleteContents} (else FAILED_PRECONDITION, like BigQuery). */
    public void deleteDataset(String project, String dataset, boolean deleteContents) {
        durably(() -> deleteDatasetNow(project, dataset, deleteContents));
    }

    private void deleteDatasetNow(String project, String dataset, boolean deleteContents) {
        swapLock.writeLock().lock();
        try (Connection connection = database.connection()) {
            requireDataset(connection, project, dataset);
            List<String> tables = Catalog.tables(connection, project, dataset);
            if (!tables.isEmpty() && !deleteContents) {
                throw new DicombqException(Code.FAILED_PRECONDITION, "Dataset " + project + ":" + dataset
                        + " is still in use: it has " + tables.size() + " table(s); delete them or pass deleteContents.");
            }
            Jdbc.inTransaction(connection, c -> {
                for (String table : tables) {
                    Catalog.deleteTable(c, new TableUri(project, dataset, table));
                }
                Catalog.deleteDataset(c, project, dataset);
                return null;
            });
            PhysicalTables.dropSchema(connection, Names.schemaOf(project, dataset));
        } catch (SQLException e) {
            throw Jdbc.internal("deleteDataset", e);
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    public boolean datasetExists(String project, String dataset) {
        return whileReplaced(() -> datasetExistsNow(project, dataset));
    }

    private boolean datasetExistsNow(String project, String dataset) {
        try (Connection connection = database.connection()) {
            return Catalog.datasetExists(connection, project, dataset);
        } catch (SQLException e) {
            throw Jdbc.internal("datasetExists", e);
        }
    }

    public List<String> listDatasets(String project) {
        return whileReplaced(() -> listDatasetsNow(project));
    }

    private List<String> listDatasetsNow(String project) {
        try (Connection connection = database.connection()) {
            return Catalog.datasets(connection, project);
        } catch (SQLException e) {
            throw Jdbc.internal("listDatasets", e);
        }
    }

    // ---- tables

    public void createTable(TableUri uri, TableSchema schema) {
        durably(uri, () -> {
            createTableNow(uri, schema);
            return null;
        });
    }

    private void createTableNow(TableUri uri, TableSchema schema) {
        try (Connection connection = database.connection()) {
            requireDataset(connection, uri.project(), uri.dataset());
            if (Catalog.table(connection, uri).isPresent()) {
                throw alreadyExists(uri);
            }
            String physical = Catalog.nextPhysicalName(connection);
            TableEntry entry = new TableEntry(uri, physical, schema, clock.instant(), clock.instant());
            PhysicalTables.create(connection, entry);
            try {
                Catalog.insertTable(connection, entry);
            } catch (RuntimeException e) {
                PhysicalTables.drop(connection, entry.physicalSql());
                if (Catalog.table(connection, uri).isPresent()) {
                    throw alreadyExists(uri);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.internal("createTable", e);
        }
    }

    public Optional<TableSchema> tableSchema(TableUri uri) {
        return entry(uri).map(TableEntry::schema);
    }

    /** The catalog entry of a table (schema, creation and modification time), if it exists. */
    public Optional<TableEntry> entry(TableUri uri) {
        return whileReplaced(() -> entryNow(uri));
    }

    private Optional<TableEntry> entryNow(TableUri uri) {
        try (Connection connection = database.connection()) {
            return Catalog.table(connection, uri);
        } catch (SQLException e) {
            throw Jdbc.internal("tableSchema", e);
        }
    }

    /**
     * Changes a table's schema the way BigQuery allows (new NULLABLE/REPEATED columns and nested fields,
     * REQUIRED relaxed to NULLABLE); removals and type changes are INVALID_ARGUMENT.
     */
    public void updateSchema(TableUri uri, TableSchema schema) {
        durably(uri, () -> {
            updateSchemaNow(uri, schema);
            return null;
        });
    }

    private void updateSchemaNow(TableUri uri, TableSchema schema) {
        swapLock.writeLock().lock();
        try (Connection connection = database.connection()) {
            TableEntry entry = requireTable(connection, uri);
            SchemaChange change = SchemaChange.between(entry.schema(), schema, uri.path());
            if (change.needsRebuild() || !change.addedTopLevel().isEmpty()) {
                // H2's ALTER TABLE ADD COLUMN copies the table in one transaction; a chunked copy keeps a crash safe.
                TableEntry rebuilt = new TableEntry(uri, Catalog.nextPhysicalName(connection), schema, entry.created(),
                        clock.instant());
                PhysicalTables.create(connection, rebuilt);
                try {
                    TableCopier copier = new TableCopier(connection, rowWriteGate, entry, rebuilt, change.needsRebuild());
                    copier.copy(0, copier.lastRowId());
                    Catalog.updateTable(connection, rebuilt);
                } catch (RuntimeException e) {
                    PhysicalTables.drop(connection, rebuilt.physicalSql());
                    throw e;
                }
                PhysicalTables.drop(connection, entry.physicalSql());
                rowWriteGate.checkpoint();
                return;
            }
            // Modes relaxed only: the rows stay as they are.
            Catalog.updateTable(connection, new TableEntry(uri, entry.physicalName(), schema, entry.created(), clock.instant()));
        } catch (SQLException e) {
            throw Jdbc.internal("updateSchema", e);
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    /** Deletes a table; false when it does not exist (NOT_FOUND when its dataset does not). */
    public boolean deleteTable(TableUri uri) {
        return durably(uri, () -> deleteTableNow(uri));
    }

    private boolean deleteTableNow(TableUri uri) {
        swapLock.writeLock().lock();
        try (Connection connection = database.connection()) {
            requireDataset(connection, uri.project(), uri.dataset());
            Optional<TableEntry> entry = Catalog.table(connection, uri);
            if (entry.isEmpty()) {
                return false;
            }
            Catalog.deleteTable(connection, uri);
            PhysicalTables.drop(connection, entry.get().physicalSql());
            return true;
        } catch (SQLException e) {
            throw Jdbc.internal("deleteTable", e);
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    public List<String> listTables(String project, String dataset) {
        return whileReplaced(() -> listTablesNow(project, dataset));
    }

    private List<String> listTablesNow(String project, String dataset) {
        try (Connection connection = database.connection()) {
            requireDataset(connection, project, dataset);
            return Catalog.tables(connection, project, dataset);
        } catch (SQLException e) {
            throw Jdbc.internal("listTables", e);
        }
    }

    public long rowCount(TableUri uri) {
        return whileReplaced(() -> rowCountNow(uri));
    }

    private long rowCountNow(TableUri uri) {
        try (Connection connection = database.connection()) {
            TableEntry entry = requireTable(connection, uri);
            return Jdbc.query(connection, "SELECT COUNT(*) FROM " + entry.physicalSql(), rs -> rs.getLong(1)).get(0);
        } catch (SQLException e) {
            throw Jdbc.internal("rowCount", e);
        }
    }

    /**
     * Reads every value of every row of a table, as a check that the file holds it whole: the number of rows, or
     * DATA_LOSS when H2 cannot read part of it ({@link Jdbc#damaged}). NOT_FOUND when the table does not exist.
     */
    public long readEveryRow(TableUri uri) {
        return whileReplaced(() -> readEveryRowNow(uri));
    }

    private long readEveryRowNow(TableUri uri) {
        try (Connection connection = database.connection();
             java.sql.Statement statement = connection.createStatement()) {
            TableEntry entry = requireTable(connection, uri);
            long rows = 0;
            try (java.sql.ResultSet all = statement.executeQuery("SELECT * FROM " + entry.physicalSql())) {
                int columns = all.getMetaData().getColumnCount();
                while (all.next()) {
                    for (int column = 1; column <= columns; column++) {
                        all.getObject(column);
                    }
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Jdbc.internal("readEveryRow", e);
        }
    }

    /** ABSENT, EMPTY or HAS_ROWS; NOT_FOUND when the dataset does not exist. */
    public TableState state(TableUri uri) {
        return whileReplaced(() -> stateNow(uri));
    }

    private TableState stateNow(TableUri uri) {
        try (Connection connection = database.connection()) {
            requireDataset(connection, uri.project(), uri.dataset());
            Optional<TableEntry> entry = Catalog.table(connection, uri);
            if (entry.isEmpty()) {
                return TableState.ABSENT;
            }
            boolean empty = Jdbc.query(connection, "SELECT 1 FROM " + entry.get().physicalSql() + " LIMIT 1", rs -> 1).isEmpty();
            return empty ? TableState.EMPTY : TableState.HAS_ROWS;
        } catch (SQLException e) {
            throw Jdbc.internal("state", e);
        }
    }

    /**
     * Appends rows (BigQuery's insertAll): all of them become visible at once, and a bad row rejects the whole call,
     * nothing written. Up to {@link #IN_PLACE_ROWS} rows go into the table in one transaction; a larger request would
     * keep that transaction open long enough for H2 to write it to disk half-done (see {@link RowWriteGate}), so it
     * goes through a staged append instead, which copies the table.
     */
    public void insertRows(TableUri uri, List<Row> rows) {
        if (rows.size() > IN_PLACE_ROWS) {
            appendStaged(uri, rows);
            return;
        }
        durably(() -> insertInPlace(uri, rows));
    }

    private void insertInPlace(TableUri uri, List<Row> rows) {
        swapLock.readLock().lock();
        try (Connection connection = database.connection()) {
            TableEntry entry = requireTable(connection, uri);
            RowInserter inserter = new RowInserter(connection, entry.physicalSql(), entry.schema());
            // One transaction per request, as short as the request; the gate keeps it out of what H2 writes to disk.
            rowWriteGate.run(() -> Jdbc.inTransaction(connection, c -> {
                inserter.insert(rows);
                return null;
            }));
            Catalog.ensureNums(connection, inserter.longestArray());
        } catch (SQLException e) {
            throw Jdbc.internal("insertRows", e);
        } finally {
            swapLock.readLock().unlock();
        }
    }

    private void appendStaged(TableUri uri, List<Row> rows) {
        TableSchema schema;
        try (Connection connection = database.connection()) {
            schema = requireTable(connection, uri).schema();
        } catch (SQLException e) {
            throw Jdbc.internal("insertRows", e);
        }
        try (StagedWrite write = tableSink().begin(uri, WritePlan.APPEND)) {
            write.write(schema, rows);
            write.commit(schema);
        }
    }

    /** Rows in insertion order, from {@code startIndex}, at most {@code maxResults} of them. */
    public List<Row> readRows(TableUri uri, long startIndex, int maxResults) {
        return readPage(uri, PagePosition.at(startIndex), maxResults).rows();
    }

    /**
     * One page of rows in insertion order (tabledata.list), and the position of the next one. A position taken from
     * the previous page of the same table generation continues after its last row id, so that paging through a large
     * table reads each row once; any other position (a start index, or a table replaced since) skips that many rows.
     */
    public RowPage readPage(TableUri uri, PagePosition from, int maxResults) {
        return whileReplaced(() -> readPageNow(uri, from, maxResults));
    }

    /** Where a page starts: a row index, and for a page that follows another, its table generation and last row id. */
    public record PagePosition(long index, String generation, long afterRowId) {
        public static PagePosition at(long index) {
            return new PagePosition(index, null, 0);
        }
    }

    /** A page of rows and where the next page starts. */
    public record RowPage(List<Row> rows, PagePosition next) {
    }

    private RowPage readPageNow(TableUri uri, PagePosition from, int maxResults) {
        swapLock.readLock().lock();
        try (Connection connection = database.connection()) {
            TableEntry entry = requireTable(connection, uri);
            List<Row> rows = new ArrayList<>();
            if (entry.schema().isEmpty()) {
                return new RowPage(rows, from);
            }
            boolean keyset = entry.physicalName().equals(from.generation());
            StringBuilder columns = new StringBuilder("_ROWID_");
            entry.schema().columns().forEach(c -> columns.append(", ").append(Names.quote(c.name())));
            String sql = "SELECT " + columns + " FROM " + entry.physicalSql()
                    + (keyset ? " WHERE _ROWID_ > ? ORDER BY _ROWID_ LIMIT ?" : " ORDER BY _ROWID_ LIMIT ? OFFSET ?");
            long last = from.afterRowId();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, keyset ? from.afterRowId() : maxResults);
                statement.setLong(2, keyset ? maxResults : from.index());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        rows.add(RowReader.read(rs, entry.schema(), 2));
                    }
                }
            }
            return new RowPage(rows, new PagePosition(from.index() + rows.size(), entry.physicalName(), last));
        } catch (SQLException e) {
            throw Jdbc.internal("readRows", e);
        } finally {
            swapLock.readLock().unlock();
        }
    }

    /**
     * Runs a read of a table's rows again (it resolves the table anew) when the H2 table the catalog named is gone by
     * the time it is read: a write in another process swapped in a new one and dropped it (this process's readers are
     * kept out of that window by {@link #swapLock}; another process's are not). Five attempts at most. Also reads again,
     * for as long as a hand-over may take, when the process serving the shared database closed it under the read.
     */
    public static <T> T whileReplaced(java.util.function.Supplier<T> read) {
        long handoverDeadline = H2Handover.deadline();
        for (int attempt = 1; ; attempt++) {
            try {
                return H2Handover.acrossHandovers(handoverDeadline, read);
            } catch (RuntimeException e) {
                if (attempt >= 5 || !tableGone(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean tableGone(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof SQLException sql && (sql.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || sql.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2)) {
                return true;
            }
        }
        return false;
    }

    public TableSink tableSink() {
        return new H2TableSink(this);
    }

    /**
     * Runs {@code installer} once for this warehouse (for example a query engine's SQL functions), with whether
     * this process was alone on the database when it opened it (only then may shared definitions be replaced).
     */
    public void installOnce(String extension, Installer installer) {
        installedExtensions.computeIfAbsent(extension, name -> {
            java.util.function.Supplier<Boolean> install = () -> {
                try (Connection connection = database.connection()) {
                    installer.install(connection, openedAlone);
                } catch (SQLException e) {
                    throw Jdbc.internal("installing " + name, e);
                }
                return Boolean.TRUE;
            };
            // Alone, the definitions are (re)written and must reach the disk; sharing, they were already there.
            return openedAlone ? durably(install) : install.get();
        });
    }

    /** What {@link #installOnce} runs: creates database objects that an extension of the warehouse needs. */
    @FunctionalInterface
    public interface Installer {
        void install(Connection connection, boolean replace) throws SQLException;
    }

    /**
     * Drops a table no catalog entry points at (a load that was not swapped in, a replaced generation); one that
     * cannot be dropped now is invisible and dropped at the next open.
     */
    public void dropUnlistedQuietly(TableEntry table) {
        try (Connection connection = database.connection()) {
            PhysicalTables.drop(connection, table.physicalSql());
        } catch (SQLException | RuntimeException e) {
            // dropped at the next open (dropStaleTables)
        }
    }

    /** Work running on its own thread against this warehouse (a load ahead of commit); stopped by {@link #close}. */
    public void track(AutoCloseable work) {
        background.add(work);
    }

    public void untrack(AutoCloseable work) {
        background.remove(work);
    }

    @Override
    public void close() {
        for (AutoCloseable work : List.copyOf(background)) {
            try {
                work.close();
            } catch (Exception e) {
                // closing the database below ends whatever is left
            }
        }
        rowWriteGate.close();
        closeDatabase();
        lease.close();
        if (ownsStagingDirectory) {
            StagingFiles.deleteAll(stagingDirectory);
        }
    }

    /**
     * Closes the database. When this process serves it to others (AUTO_SERVER), it shuts it down holding the lease,
     * so while none of them is writing, rather than when the JVM exits, at whatever point their writes are. A
     * process that reaches the database through another one only lets go of its connections.
     */
    private void closeDatabase() {
        if (!ownsStagingDirectory) {
            try (Connection connection = database.connection()) {
                boolean serving = connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession()
                        instanceof org.h2.engine.SessionLocal;
                if (serving) {
                    lease.run(() -> Jdbc.execute(connection, "SHUTDOWN"));
                }
            } catch (SQLException | RuntimeException e) {
                // closing the pool below ends this process's part either way
            }
        }
        database.close();
    }

    // ---- helpers shared with the sink and the query engine

    public void requireDataset(Connection connection, String project, String dataset) {
        if (!Catalog.datasetExists(connection, project, dataset)) {
            throw new DicombqException(Code.NOT_FOUND, "Not found: Dataset " + project + ":" + dataset
                    + " (create it first, e.g. with `dicombq datasets create " + project + "." + dataset + "`)");
        }
    }

    public TableEntry requireTable(Connection connection, TableUri uri) {
        requireDataset(connection, uri.project(), uri.dataset());
        return Catalog.table(connection, uri).orElseThrow(() -> new DicombqException(Code.NOT_FOUND,
                "Not found: Table " + uri.project() + ":" + uri.dataset() + "." + uri.table()));
    }

    public static DicombqException alreadyExists(TableUri uri) {
        return new DicombqException(Code.ALREADY_EXISTS, "Already Exists: Table " + uri.project() + ":"
                + uri.dataset() + "." + uri.table());
    }

    /**
     * Drops the H2 tables no catalog entry points at: staging tables of a write that crashed, and old generations
     * whose drop was interrupted. Only while no other process shares the database (its writes may be in flight).
     */
    private void dropStaleTables(Connection connection) {
        for (String[] dataset : Catalog.allDatasets(connection)) {
            String schema = Names.schemaOf(dataset[0], dataset[1]);
            Set<String> live = new HashSet<>(Catalog.physicalNames(connection, dataset[0], dataset[1]));
            List<String> present = Jdbc.query(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = ?", rs -> rs.getString(1), schema);
            for (String table : present) {
                if (table.matches(Catalog.PHYSICAL_PREFIX + "\\d+") && !live.contains(table)) {
                    PhysicalTables.drop(connection, Names.qualified(schema, table));
                }
            }
        }
    }
}
