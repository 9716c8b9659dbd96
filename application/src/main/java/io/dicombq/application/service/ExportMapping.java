package io.dicombq.application.service;

import io.dicombq.application.port.out.ExportJob;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.FlattenedInstance;
import io.dicombq.domain.flatten.InstanceRowMapper;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowConformer;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;

import java.time.Clock;

/**
 * The domain's schema rules as the export uses them: one instance to one row with its own schema (specification 3),
 * the union of instance schemas, and the extension of an existing table's schema for APPEND / WRITE_INTO_EMPTY.
 */
final class ExportMapping {
    private final InstanceRowMapper mapper;
    private final SchemaMerger merger;
    private final Clock clock;

    ExportMapping(InstanceRowMapper mapper, SchemaMerger merger, Clock clock) {
        this.mapper = mapper;
        this.merger = merger;
        this.clock = clock;
    }

    static ExportMapping standard(Clock clock) {
        return new ExportMapping(InstanceRowMapper.standard(), SchemaMerger.canonical(), clock);
    }

    /**
     * One instance as a row of the job's layout; a DicombqException fails this instance only. LastUpdated is when
     * the store last changed the instance (a file's modification time), else when the export read it (specification 3.6).
     */
    FlattenedInstance map(DicomInstance instance, ExportJob job) {
        return mapper.map(instance, options(job), clock.instant());
    }

    /** The columns the job's table has even when no instance is exported (DroppedTags, operational, the JSON layout's). */
    TableSchema base(ExportJob job) {
        return InstanceRowMapper.baseSchema(options(job));
    }

    private static FlattenOptions options(ExportJob job) {
        FlattenOptions options = new FlattenOptions(job.layout(), null);
        return job.includeSourceStore() ? options.withSourceStore(job.store().toString()) : options;
    }

    /**
     * FAILED_PRECONDITION when the job would append one layout to a table written in the other: the JSON layout's
     * {@code Metadata} JSON column (specification 3.9) marks its tables, and a mix would serve neither layout's queries.
     */
    java.util.Optional<io.dicombq.domain.status.RpcError> layoutClash(ExportJob job, TableSchema existing) {
        io.dicombq.domain.schema.Column metadata = existing.column("Metadata");
        Layout held = metadata != null && metadata.type() == io.dicombq.domain.schema.ColumnType.JSON
                ? Layout.JSON : Layout.FLATTENED;
        if (existing.isEmpty() || held == job.layout()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(io.dicombq.domain.status.RpcError.of(io.dicombq.domain.status.Code.FAILED_PRECONDITION,
                "Table " + job.table().path() + " holds the " + name(held) + " layout and this export writes the "
                        + name(job.layout()) + " layout; appending would mix them. Export with --schema="
                        + name(held) + " (schemaJson/schemaFlattened in the API), or into another table, or replace"
                        + " the table with --write-disposition=write-truncate."));
    }

    private static String name(Layout layout) {
        return layout.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether rows staged under {@code staged} still fit {@code merged} (it only adds columns and fields). */
    boolean stillFits(TableSchema staged, TableSchema merged) {
        return merger.onlyAdds(staged, merged);
    }

    /** The union of the schemas seen so far and one more; FAILED_PRECONDITION past BigQuery's column limit. */
    TableSchema union(TableSchema merged, TableSchema instance) {
        return merger.merge(merged, instance);
    }

    /** The table's schema after a write that keeps existing columns and adds the export's. */
    TableSchema extend(TableSchema existing, TableSchema exported) {
        return merger.extend(existing, exported);
    }

    /** A row made for its own instance's schema, fitted to a union that contains that schema (RowConformer). */
    static Row conform(Row row, TableSchema schema) {
        return RowConformer.conform(row, schema);
    }
}
