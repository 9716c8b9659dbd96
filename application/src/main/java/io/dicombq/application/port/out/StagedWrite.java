package io.dicombq.application.port.out;

import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.util.List;

/** A write into a destination table that becomes visible all at once on commit (specification 1.2, atomicity). */
public interface StagedWrite extends AutoCloseable {

    /**
     * Stages a batch of rows. {@code schema} covers every column the rows use; it only grows from one call to
     * the next (schemas are merged as rows arrive).
     */
    void write(TableSchema schema, List<Row> rows);

    /**
     * Makes the staged rows visible in one step. {@code finalSchema} is the table's schema afterwards: the
     * export's schema for plans that replace it, the union of existing and exported columns otherwise.
     */
    void commit(TableSchema finalSchema);

    /**
     * {@link #commit}, recording {@code writeId} in the same atomic step where the warehouse can, so that
     * {@link CommitRecords#committed} answers for it afterwards.
     */
    default void commit(TableSchema finalSchema, String writeId) {
        commit(finalSchema);
    }

    /** Drops the staged rows; the destination stays exactly as it was. Safe to call more than once. */
    void abort();

    /** Aborts unless committed. */
    @Override
    void close();
}
