package io.dicombq.adapter.out.h2.emulator;

import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.util.List;
import java.util.Optional;

/**
 * What the REST emulator needs from the warehouse behind it. Errors are
 * {@link io.dicombq.domain.status.DicombqException}s carrying the google.rpc code BigQuery would give.
 */
public interface EmulatedWarehouse {

    boolean datasetExists(String project, String dataset);

    /** ALREADY_EXISTS when it exists. */
    void createDataset(String project, String dataset);

    /** Drops the dataset and its tables; false when it did not exist. */
    boolean deleteDataset(String project, String dataset);

    List<String> listDatasets(String project);

    /** ALREADY_EXISTS when the table exists, NOT_FOUND when the dataset does not. */
    void createTable(TableUri table, TableSchema schema);

    Optional<TableSchema> tableSchema(TableUri table);

    /** Replaces the schema of an existing table by one that keeps every column and may add some. */
    void updateSchema(TableUri table, TableSchema schema);

    boolean deleteTable(TableUri table);

    List<String> listTables(String project, String dataset);

    long rowCount(TableUri table);

    void insertRows(TableUri table, List<Row> rows);

    /** Rows in storage order, {@code maxResults} at most from {@code startIndex}. */
    List<Row> readRows(TableUri table, long startIndex, int maxResults);

    /** Atomic staged writes (load and copy jobs commit through it). */
    TableSink tableSink();

    QueryEngine queryEngine();
}
