package io.dicombq.application.port.out;

import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.TableSchema;

import java.util.Optional;

/**
 * A BigQuery-shaped warehouse an export writes into: the embedded H2 stand-in or real BigQuery. Errors are
 * {@link io.dicombq.domain.status.DicombqException}s with the google.rpc code BigQuery would give.
 */
public interface TableSink extends CommitRecords {

    @Override
    default Optional<Boolean> committed(String writeId) {
        return Optional.empty();
    }

    boolean datasetExists(String project, String dataset);

    /** The table's state; NOT_FOUND when its dataset does not exist. */
    TableState state(TableUri table);

    /** The table's schema, or empty when the table does not exist. */
    Optional<TableSchema> schema(TableUri table);

    /**
     * Starts a staged write following the plan the domain decided. Nothing is visible in the destination
     * until {@link StagedWrite#commit}; abort, an exception, or a crash of the process leaves it as it was.
     */
    StagedWrite begin(TableUri table, WritePlan plan);
}
