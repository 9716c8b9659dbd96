package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.RowWriteGate;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.adapter.out.h2.catalog.SchemaChange;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowFootprint;
import io.dicombq.domain.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the rows of one H2 table into a new, unlisted one whose schema extends it, in insertion order. Top-level
 * columns copy inside H2; when a RECORD gained fields the rows pass through Java, because H2 cannot cast a ROW to a
 * ROW with more fields.
 *
 * <p>The copy is a series of short transactions, each under the {@link RowWriteGate}: one {@code INSERT … SELECT}, or
 * one chunk read through Java and written in one transaction, per span of row ids ({@link CopySpans}: about as many
 * bytes as a load's transaction). A single statement over the whole table would keep one transaction over ROW values
 * open for as long as the copy runs, and a crash while H2 has written it to disk leaves a database H2 cannot reopen.
 * The target is invisible until the catalog points at it, so its partial state never shows.
 */
public final class TableCopier {
    private final Connection connection;
    private final RowWriteGate gate;
    private final String fromSql;
    private final TableSchema from;
    private final TableEntry to;
    private final boolean throughJava;
    /** Whether each row keeps its row id in {@code to} (its position), instead of taking the next one. */
    private final boolean keepRowIds;

    /** Copies from {@code from} into the empty, unlisted {@code to}; {@code throughJava} when a RECORD gained fields. */
    public TableCopier(Connection connection, RowWriteGate gate, TableEntry from, TableEntry to, boolean throughJava) {
        this(connection, gate, from, to, throughJava, false);
    }

    private TableCopier(Connection connection, RowWriteGate gate, TableEntry from, TableEntry to, boolean throughJava,
                        boolean keepRowIds) {
        this.connection = connection;
        this.gate = gate;
        this.fromSql = from.physicalSql();
        this.from = from.schema();
        this.to = to;
        this.throughJava = throughJava;
        this.keepRowIds = keepRowIds;
    }

    /**
     * Copies every row {@code from} holds now into {@code to}, through Java when one of its RECORDs gained fields in
     * {@code to} ({@link SchemaChange}); {@code table} names the destination in errors. Returns how many rows.
     */
    public static long copyAll(Connection connection, RowWriteGate gate, TableEntry from, TableEntry to, String table) {
        return copyAll(connection, gate, from, to, table, false);
    }

    /**
     * {@link #copyAll}, each row keeping its row id: {@code to} holds none of them yet, and the rows take their places
     * among its own in row id order (rows loaded under an earlier schema, numbered for where they belong).
     */
    static long copyAllKeepingRowIds(Connection connection, RowWriteGate gate, TableEntry from, TableEntry to, String table) {
        return copyAll(connection, gate, from, to, table, true);
    }

    private static long copyAll(Connection connection, RowWriteGate gate, TableEntry from, TableEntry to, String table,
                                boolean keepRowIds) {
        boolean throughJava = SchemaChange.between(from.schema(), to.schema(), table).needsRebuild();
        TableCopier copier = new TableCopier(connection, gate, from, to, throughJava, keepRowIds);
        return copier.copy(0, copier.lastRowId());
    }

    /** The highest row id in the source now; rows added later get higher ones (H2 counts row ids up). */
    public long lastRowId() {
        return lastRowId(connection, fromSql);
    }

    /** The highest row id in {@code table} now, 0 when it has no rows. */
    static long lastRowId(Connection connection, TableEntry table) {
        return lastRowId(connection, table.physicalSql());
    }

    private static long lastRowId(Connection connection, String tableSql) {
        return Jdbc.query(connection, "SELECT COALESCE(MAX(_ROWID_), 0) FROM " + tableSql, rs -> rs.getLong(1)).get(0);
    }

    /** Copies the source rows whose row id is in {@code (after, upTo]}, in row id order; returns how many. */
    public long copy(long after, long upTo) {
        if (from.isEmpty() || upTo <= after) {
            return 0;
        }
        String columns = (keepRowIds ? "_ROWID_, " : "") + columns();
        String select = "SELECT " + columns + " FROM " + fromSql + " WHERE _ROWID_ > ? AND _ROWID_ <= ? ORDER BY _ROWID_";
        if (throughJava) {
            return copyThroughJava(select, after, upTo);
        }
        String insert = "INSERT INTO " + to.physicalSql() + " (" + columns + ") " + select;
        long copied = 0;
        CopySpans spans = new CopySpans();
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (long low = before(after); low < upTo; ) {
                long high = Math.min(low + spans.span(), upTo);
                statement.setLong(1, low);
                statement.setLong(2, high);
                copied += gate.transaction(() -> {
                    long unsavedBefore = gate.unsavedBytes();
                    long rows = execute(statement, insert);
                    long unsavedAfter = gate.unsavedBytes();
                    // H2's estimate is about twice the rows' data, the measure a load's transactions are bounded by
                    spans.copied(rows, unsavedBefore < 0 || unsavedAfter < unsavedBefore ? -1 : (unsavedAfter - unsavedBefore) / 2);
                    return rows;
                });
                low = high;
            }
        } catch (SQLException e) {
            throw Jdbc.internal(insert, e);
        }
        return copied;
    }

    private long copyThroughJava(String select, long after, long upTo) {
        long copied = 0;
        RowInserter inserter = new RowInserter(connection, to.physicalSql(), to.schema());
        try (PreparedStatement statement = connection.prepareStatement(select);
             RowInserter.Stream stream = keepRowIds ? inserter.keyedStream() : inserter.stream()) {
            CopySpans spans = new CopySpans();
            for (long low = before(after); low < upTo; ) {
                long high = Math.min(low + spans.span(), upTo);
                statement.setLong(1, low);
                statement.setLong(2, high);
                // Read a chunk, then write it: the reading cursor stays outside the gated row transactions.
                List<ReadRow> chunk = new ArrayList<>();
                long bytes = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ReadRow read = keepRowIds ? new ReadRow(rs.getLong(1), RowReader.read(rs, from, 2))
                                : new ReadRow(0, RowReader.read(rs, from, 1));
                        chunk.add(read);
                        bytes += RowFootprint.of(read.row());
                    }
                }
                // One transaction for the chunk, as a load commits its rows: a commit per row cost more than the row.
                gate.run(() -> Jdbc.inTransaction(connection, c -> {
                    for (ReadRow read : chunk) {
                        if (keepRowIds) {
                            stream.insertAt(read.rowId(), read.row());
                        } else {
                            stream.insert(read.row());
                        }
                    }
                    return null;
                }));
                spans.copied(chunk.size(), bytes);
                copied += chunk.size();
                low = high;
            }
        } catch (SQLException e) {
            throw Jdbc.internal(select, e);
        }
        return copied;
    }

    /**
     * Where a copy of the rows after {@code after} starts: just before the first row id the source holds past it, so
     * that spans sized for a few rows do not step one by one through ids it never had (a narrower table of a load
     * holds the positions of its rows, which start where the table before it ended).
     */
    private long before(long after) {
        return Jdbc.query(connection, "SELECT COALESCE(MIN(_ROWID_) - 1, " + after + ") FROM " + fromSql
                + " WHERE _ROWID_ > " + after, rs -> rs.getLong(1)).get(0);
    }

    /** A source row read through Java, with its row id when the copy keeps it. */
    private record ReadRow(long rowId, Row row) {
    }

    private static long execute(PreparedStatement statement, String sql) {
        try {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.internal(sql, e);
        }
    }

    private String columns() {
        StringBuilder columns = new StringBuilder();
        for (Column column : from.columns()) {
            columns.append(columns.length() > 0 ? ", " : "").append(Names.quote(column.name()));
        }
        return columns.toString();
    }
}
