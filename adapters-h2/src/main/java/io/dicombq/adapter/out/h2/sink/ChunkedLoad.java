package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.RowWriteGate;
import io.dicombq.adapter.out.h2.catalog.Jdbc;
import io.dicombq.domain.schema.TableSchema;

import java.sql.Connection;

/**
 * Loads staged rows into an unlisted table a bounded chunk at a time ({@link RowWriteGate#TRANSACTION_ROWS} rows,
 * {@link RowWriteGate#TRANSACTION_BYTES} staged bytes), each chunk one transaction under the {@link RowWriteGate}:
 * committing row by row cost H2 a commit per row, and the gate needs every transaction over ROW values short.
 */
final class ChunkedLoad {
    private final Connection connection;
    private final RowWriteGate gate;
    private final RowInserter.Stream into;
    private final SpillFile.Cursor cursor;

    ChunkedLoad(Connection connection, RowWriteGate gate, RowInserter inserter, RowInserter.Stream into,
                SpillFile spill) {
        this.connection = connection;
        this.gate = gate;
        this.into = into;
        this.cursor = spill.cursor(inserter.converter());
    }

    /** Loads every batch appended so far (see {@link SpillFile#replay}). */
    void loadAll(TableSchema target) {
        while (loadBatch(target)) {
            // each call loads one batch
        }
    }

    /** Loads the next appended batch into the table of schema {@code target}; false when every one was loaded. */
    boolean loadBatch(TableSchema target) {
        if (!cursor.nextBatch(target)) {
            return false;
        }
        while (cursor.hasRows()) {
            // A failed chunk is rolled back inside the gate, so no transaction outlives it.
            gate.run(() -> Jdbc.inTransaction(connection, c -> {
                cursor.hand(RowWriteGate.TRANSACTION_ROWS, RowWriteGate.TRANSACTION_BYTES, into::insert, into::insert);
                return null;
            }));
        }
        return true;
    }
}
