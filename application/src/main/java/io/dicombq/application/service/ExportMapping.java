package io.dicombq.application.service;

import io.dicombq.application.port.out.ExportJob;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.FlattenedInstance;
import io.dicombq.domain.flatten.InstanceRowMapper;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowConformer;
import io.dicombq.domain.schema.SchemaMerger;
import io.dicombq.domain.schema.TableSchema;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The domain's schema rules as the export uses them: one instance to one row with its own schema (BEHAVIOUR 3),
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
     * the store last changed the instance (a file's modification time), else when the export read it (BEHAVIOUR 3.6).
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

    /** Rows made for their own instance's schema, fitted to the merged schema they are written under. */
    static List<Row> conform(List<Row> rows, TableSchema schema) {
        List<Row> conformed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            conformed.add(RowConformer.conform(row, schema));
        }
        return conformed;
    }
}
