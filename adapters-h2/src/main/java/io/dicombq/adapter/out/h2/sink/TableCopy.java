package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.TableSchema;

import java.util.List;

/**
 * A copy of whole tables into a destination, done inside H2 (a BigQuery copy job): no row leaves the database, and
 * the destination changes all at once at commit, as with any staged write.
 */
public final class TableCopy implements AutoCloseable {
    private final H2StagedWrite write;

    private TableCopy(H2StagedWrite write) {
        this.write = write;
    }

    /** Plans the copy of every row of {@code sources}, in order, into {@code destination} with {@code plan}. */
    public static TableCopy begin(H2Warehouse warehouse, TableUri destination, WritePlan plan, List<TableUri> sources) {
        return new TableCopy(H2StagedWrite.begin(warehouse, destination, plan, sources));
    }

    /** Copies the rows and swaps the destination in with {@code finalSchema}; returns how many rows were copied. */
    public long commit(TableSchema finalSchema) {
        write.commit(finalSchema);
        return write.copiedRows();
    }

    @Override
    public void close() {
        write.close();
    }
}
