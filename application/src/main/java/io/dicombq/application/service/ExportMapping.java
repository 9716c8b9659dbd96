package io.dicombq.application.service;

import io.dicombq.application.port.out.ExportJob;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

/**
 * The domain's schema rules as the export uses them: one instance to one row with its own schema (BEHAVIOUR 3),
 * the union of instance schemas, and the merge with an existing table's schema for APPEND / WRITE_INTO_EMPTY.
 */
public interface ExportMapping {

    /** Flattens one instance; a DicombqException fails this instance only. */
    MappedInstance map(DicomInstance instance, ExportJob job);

    /** The union of the schemas seen so far and one more (independent of order, BEHAVIOUR 3). */
    TableSchema union(TableSchema merged, TableSchema instance);

    /** The table's schema after a write that keeps existing columns and adds the export's. */
    TableSchema mergeWithExisting(TableSchema existing, TableSchema exported);

    /** One instance as a row and the schema of the columns it uses. */
    record MappedInstance(Row row, TableSchema schema) {
    }
}
