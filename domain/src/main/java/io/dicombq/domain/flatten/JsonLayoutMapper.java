package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.json.DicomJsonWriter;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.DroppedTags;
import io.dicombq.domain.schema.JsonText;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON layout (specification 3.9, {@code schemaJson}): a fixed set of columns and the whole instance, file
 * meta information included, as one {@code Metadata} JSON column in the DICOM JSON model (PS3.18 F). Bulk
 * data the reader skipped has no value there; such elements are listed in {@code DroppedTags}, except the
 * pixel data family, which is never exported.
 */
public final class JsonLayoutMapper {
    private static final List<Column> BEFORE_SOURCE = List.of(
            Column.of("StudyInstanceUID", ColumnType.STRING, Mode.NULLABLE),
            Column.of("SeriesInstanceUID", ColumnType.STRING, Mode.NULLABLE),
            Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE));
    private static final List<Column> AFTER_SOURCE = List.of(
            Column.of("Metadata", ColumnType.JSON, Mode.NULLABLE),
            Column.of("StructuredStorageSize", ColumnType.INTEGER, Mode.NULLABLE),
            // Google's SchemaJSON reference: in this layout DroppedTags stays a REPEATED STRING (specification 3.9)
            DroppedTags.STRING_COLUMN,
            Columns.STORAGE_CLASS_COLUMN,
            Columns.LAST_UPDATED_COLUMN,
            Columns.BLOB_STORAGE_SIZE_COLUMN,
            Columns.TYPE_COLUMN);

    private final ElementNames names;
    /** Specification 3.1: group lengths (gggg,0000) are not elements and appear nowhere, Metadata included. */
    private final DicomJsonWriter writer = DicomJsonWriter.standard().withoutGroupLengths();

    public JsonLayoutMapper(DataDictionary dictionary) {
        this.names = new ElementNames(dictionary);
    }

    public static JsonLayoutMapper standard() {
        return new JsonLayoutMapper(DataDictionary.standard());
    }

    /** The table schema of the JSON layout: the same for every instance. */
    public static TableSchema schema(boolean includeSourceStore) {
        List<Column> columns = new ArrayList<>(BEFORE_SOURCE);
        if (includeSourceStore) {
            columns.add(Columns.SOURCE_DICOM_STORE_COLUMN);
        }
        columns.addAll(AFTER_SOURCE);
        return new TableSchema(columns);
    }

    /** One instance's row; {@code lastUpdated} is when the store last changed the instance, null when unknown. */
    public FlattenedInstance map(DicomInstance instance, FlattenOptions options, Instant lastUpdated) {
        List<DataElement> all = new ArrayList<>(instance.fileMeta().size() + instance.dataset().size());
        all.addAll(instance.fileMeta().elements());
        for (DataElement element : instance.dataset()) {
            if (!instance.fileMeta().contains(element.tag())) {
                all.add(element);
            }
        }
        DicomDataset whole = DicomDataset.of(all);
        String metadata = writer.toJson(whole);
        Set<String> dropped = new LinkedHashSet<>();
        collectBulk(whole, "", dropped);

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("StudyInstanceUID", instance.studyInstanceUid());
        values.put("SeriesInstanceUID", instance.seriesInstanceUid());
        values.put("SOPInstanceUID", instance.sopInstanceUid());
        if (options.includeSourceStore()) {
            values.put(Columns.SOURCE_DICOM_STORE, options.sourceStore());
        }
        values.put("Metadata", new JsonText(metadata));
        values.put("StructuredStorageSize", (long) metadata.getBytes(StandardCharsets.UTF_8).length);
        values.put(Columns.DROPPED_TAGS, List.copyOf(dropped));
        Columns.putOperational(values, instance, lastUpdated);
        return new FlattenedInstance(new Row(values), schema(options.includeSourceStore()));
    }

    private void collectBulk(DicomDataset dataset, String prefix, Set<String> dropped) {
        for (DataElement element : dataset) {
            if (InstanceFlattener.isPixelDataFamily(element.tag())) {
                continue;
            }
            String path = prefix + names.name(element.tag());
            if (element.value() instanceof Value.Bulk bulk && bulk.length() != 0) {
                dropped.add(path);
            } else if (element.value() instanceof Value.Items items) {
                for (DicomDataset item : items.items()) {
                    collectBulk(item, path + ".", dropped);
                }
            }
        }
    }
}
