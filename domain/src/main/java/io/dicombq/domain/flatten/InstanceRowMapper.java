package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;

import io.dicombq.domain.schema.TableSchema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps an instance to its row in the layout the options ask for: the one entry point of the export. */
public final class InstanceRowMapper {
    private final InstanceFlattener flattener;
    private final JsonLayoutMapper jsonLayout;

    public InstanceRowMapper(DataDictionary dictionary) {
        this.flattener = new InstanceFlattener(dictionary);
        this.jsonLayout = new JsonLayoutMapper(dictionary);
    }

    public static InstanceRowMapper standard() {
        return new InstanceRowMapper(DataDictionary.standard());
    }

    /**
     * specification 3.6: LastUpdated is when the store last changed the instance (a file's modification time); a store
     * that does not tell it (DICOMweb) gets {@code readTime}, when the export read the instance.
     */
    public FlattenedInstance map(DicomInstance instance, FlattenOptions options, Instant readTime) {
        Instant lastUpdated = instance.lastModified() != null ? instance.lastModified() : readTime;
        return switch (options.layout()) {
            case FLATTENED -> flattener.flatten(instance, options, lastUpdated);
            case JSON -> jsonLayout.map(instance, options, lastUpdated);
        };
    }

    /**
     * The columns a table of this layout has whatever its instances hold, so that even an export of no instance
     * creates them: DroppedTags and the operational columns (specification 3.6: always in the schema) and
     * SourceDicomStore when asked, or the fixed columns of the JSON layout (3.9).
     */
    public static TableSchema baseSchema(FlattenOptions options) {
        if (options.layout() == Layout.JSON) {
            return JsonLayoutMapper.schema(options.includeSourceStore());
        }
        List<io.dicombq.domain.schema.Column> columns = new ArrayList<>(6);
        columns.add(Columns.DROPPED_TAGS_COLUMN);
        columns.addAll(Columns.OPERATIONAL);
        if (options.includeSourceStore()) {
            columns.add(Columns.SOURCE_DICOM_STORE_COLUMN);
        }
        return new TableSchema(columns);
    }
}
