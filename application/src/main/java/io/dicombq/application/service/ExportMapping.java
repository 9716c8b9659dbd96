package io.dicombq.application.service;

import io.dicombq.application.port.out.ExportJob;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.FlattenedInstance;
import io.dicombq.domain.flatten.InstanceFlattener;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowConformer;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain's schema rules as the export uses them: one instance to one row with its own schema (BEHAVIOUR 3),
 * the union of instance schemas, and the extension of an existing table's schema for APPEND / WRITE_INTO_EMPTY.
 */
final class ExportMapping {
    private final InstanceFlattener flattener;
    private final SchemaMerger merger;

    ExportMapping(InstanceFlattener flattener, SchemaMerger merger) {
        this.flattener = flattener;
        this.merger = merger;
    }

    static ExportMapping standard() {
        return new ExportMapping(InstanceFlattener.standard(), SchemaMerger.canonical());
    }

    /** UNIMPLEMENTED for a layout this build cannot produce yet, checked before an operation is created. */
    void requireSupported(Layout layout) {
        if (layout != Layout.FLATTENED) {
            throw new DicombqException(Code.UNIMPLEMENTED, "--schema=" + layout.name().toLowerCase()
                    + " (schemaJson) is not available in this build; use --schema=flattened");
        }
    }

    /** Flattens one instance; a DicombqException fails this instance only. */
    FlattenedInstance map(DicomInstance instance, ExportJob job) {
        requireSupported(job.layout());
        FlattenOptions options = FlattenOptions.flattened();
        if (job.includeSourceStore()) {
            options = options.withSourceStore(job.store().toString());
        }
        return flattener.flatten(instance, options);
    }

    /** The union of the schemas seen so far and one more; FAILED_PRECONDITION past BigQuery's column limit. */
    TableSchema union(TableSchema merged, TableSchema instance) {
        return merger.merge(merged, instance);
    }

    /** The table's schema after a write that keeps existing columns and adds the export's. */
    TableSchema extend(TableSchema existing, TableSchema exported) {
        return merger.extend(existing, exported);
    }

    /** Rows made for their own instance's schema, fitted to the merged schema they are written under. */
    static List<Row> conform(List<Row> rows, TableSchema schema) {
        List<Row> conformed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            conformed.add(RowConformer.conform(row, schema));
        }
        return conformed;
    }
}
