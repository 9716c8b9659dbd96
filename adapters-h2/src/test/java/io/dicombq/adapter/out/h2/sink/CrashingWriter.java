package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}, which kills it with SIGKILL. Each mode says on stdout when it
 * reaches the point the test aims at, then keeps writing (or waits) until it is killed.
 */
public final class CrashingWriter {
    /** Rows staged by the commit modes, in batches of 500. */
    static final int STAGED = 4_000;
    /**
     * Rows staged by a plain append: enough that committing them in one transaction (as the warehouse once did)
     * lasts well past H2's 500 ms background write, the case that left an unopenable database.
     */
    static final int STAGED_APPEND = 20_000;
    /** Rows per insertAll request in the insert mode. */
    static final int REQUEST = 100;
    /** The column an append with new columns adds. */
    static final Column ADDED = Column.of("CrashNote", ColumnType.STRING, Mode.NULLABLE);

    /** What the child does before it is killed. */
    enum Kind {
        /** Stages an overwrite, prints STAGED, and waits: killed before commit. */
        STAGED_ONLY,
        /** Stages rows with the destination's columns, prints COMMITTING, commits an APPEND. */
        APPEND,
        /** Stages rows with one more column, prints COMMITTING, commits an APPEND (a widened copy). */
        APPEND_NEW_COLUMNS,
        /** Stages rows, prints COMMITTING, commits an OVERWRITE. */
        OVERWRITE,
        /** Prints INSERTING, then sends insertAll requests of {@link #REQUEST} rows until killed. */
        INSERT_ROWS
    }

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        H2Warehouse warehouse = H2Warehouse.open(Path.of(args[0]));
        TableUri table = new TableUri(args[1], args[2], args[3]);
        Kind kind = Kind.valueOf(args[4]);
        if (kind == Kind.INSERT_ROWS) {
            say("INSERTING");
            for (int request = 0; ; request++) {
                warehouse.insertRows(table, request(request));
            }
        }
        WritePlan plan = kind == Kind.APPEND || kind == Kind.APPEND_NEW_COLUMNS ? WritePlan.APPEND : WritePlan.OVERWRITE;
        TableSchema schema = schema(kind);
        StagedWrite write = warehouse.tableSink().begin(table, plan);
        List<Row> rows = staged(kind);
        for (int first = 0; first < rows.size(); first += 500) {
            write.write(schema, rows.subList(first, Math.min(rows.size(), first + 500)));
        }
        if (kind == Kind.STAGED_ONLY) {
            say("STAGED");
            Thread.sleep(120_000);
        }
        say("COMMITTING");
        write.commit(schema);
        say("COMMITTED");
        Thread.sleep(120_000);
    }

    /** The schema the child writes with. */
    static TableSchema schema(Kind kind) {
        if (kind != Kind.APPEND_NEW_COLUMNS) {
            return CtRows.schema();
        }
        List<Column> columns = new ArrayList<>(CtRows.schema().columns());
        columns.add(ADDED);
        return TableSchema.of(columns.toArray(Column[]::new));
    }

    /** The rows a commit mode stages. */
    static List<Row> staged(Kind kind) {
        int count = kind == Kind.APPEND ? STAGED_APPEND : STAGED;
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Row row = CtRows.instance(9, i / 500, 1, i);
            if (kind == Kind.APPEND_NEW_COLUMNS) {
                Map<String, Object> values = new LinkedHashMap<>(row.values());
                values.put(ADDED.name(), "note " + i);
                row = Row.of(values);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The rows of insertAll request {@code n}. */
    static List<Row> request(int n) {
        List<Row> rows = new ArrayList<>(REQUEST);
        for (int i = 0; i < REQUEST; i++) {
            rows.add(CtRows.instance(8, n, 1, i));
        }
        return rows;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
