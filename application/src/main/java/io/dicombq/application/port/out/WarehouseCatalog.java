package io.dicombq.application.port.out;

import io.dicombq.domain.schema.TableSchema;

import java.util.List;
import java.util.Optional;

/** The datasets and tables of a warehouse, for the catalog commands (datasets create/list, tables list/describe/delete/check). */
public interface WarehouseCatalog {

    /** ALREADY_EXISTS when it exists. */
    void createDataset(String project, String dataset);

    /** {@code PROJECT.DATASET} of every dataset, or of one project's when {@code project} is given. */
    List<String> datasets(Optional<String> project);

    /** The table IDs of a dataset; NOT_FOUND when the dataset does not exist. */
    List<String> tables(String project, String dataset);

    /** Deletes a table; false when there was none. */
    boolean deleteTable(String project, String dataset, String table);

    /**
     * Reads every row of a table, as a check that the warehouse holds it whole: its row count; DATA_LOSS, saying
     * where, when part of it cannot be read; NOT_FOUND when it does not exist. FAILED_PRECONDITION on a warehouse
     * that keeps and checks its own storage (BigQuery).
     */
    long readEveryRow(String project, String dataset, String table);

    /** A table's schema and row count; empty when the table does not exist. */
    Optional<TableDescription> describe(String project, String dataset, String table);

    record TableDescription(TableSchema schema, long rows) {
    }
}
