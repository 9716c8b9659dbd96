package io.dicombq.pipeline.beam;

import io.dicombq.domain.filter.FilterFile;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.flatten.FlattenOptions;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.TableSchema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What the pipeline's workers need to know of one export, decided by the driver before the pipeline runs: where the
 * instances are, how they are flattened, which ones the filter file selects (its text, read once by the driver), the
 * staging table the rows are loaded into, and the schema the destination already has when its columns are kept.
 *
 * @param storeSource        the store's source (a folder, a DICOMweb URL), opened through {@code DicomStoreSources}
 * @param storeName          the store's resource name, for the SourceStore column
 * @param filterName         the filter file's URI, for errors; null when there is none
 * @param filterText         the filter file's content; null when every instance is exported
 * @param stagingTable       {@code project:dataset.table}, as BigQueryIO names tables
 * @param existingSchemaJson the destination's schema when the plan keeps it (APPEND, WRITE_EMPTY), else null
 * @param workDirectory      where the driver finds the merged schema and the failures (under the temp location)
 * @param files              the Part 10 files the pipeline matches itself when the source is a file pattern, else null
 */
record ExportSpec(String storeSource, String storeName, Layout layout, boolean includeSourceStore, String filterName,
                  String filterText, String stagingTable, String existingSchemaJson, String workDirectory,
                  FilePattern files)
        implements Serializable {
    ExportSpec {
        Objects.requireNonNull(storeSource, "storeSource");
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(stagingTable, "stagingTable");
        Objects.requireNonNull(workDirectory, "workDirectory");
    }

    /** The selector of specification 4; every instance without a filter file. */
    InstanceSelector selector() {
        if (filterText == null) {
            return InstanceSelector.all();
        }
        try (BufferedReader reader = new BufferedReader(new StringReader(filterText))) {
            return FilterFile.named(filterName).read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FlattenOptions flattenOptions() {
        FlattenOptions options = new FlattenOptions(layout, null);
        return includeSourceStore ? options.withSourceStore(storeName) : options;
    }

    TableSchema existingSchema() {
        return existingSchemaJson == null ? null : SchemaJson.parse(existingSchemaJson);
    }

    String schemaFile() {
        return workDirectory + "/schema.json";
    }

    /** The count of exported rows, written last. */
    String doneFile() {
        return workDirectory + "/done";
    }

    String failuresPrefix() {
        return workDirectory + "/failures/part";
    }
}
