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

    /** {@code lastUpdated} fills the JSON layout's LastUpdated column; the flattened layout has none. */
    public FlattenedInstance map(DicomInstance instance, FlattenOptions options, Instant lastUpdated) {
        return switch (options.layout()) {
            case FLATTENED -> flattener.flatten(instance, options);
            case JSON -> jsonLayout.map(instance, options, lastUpdated);
        };
    }

    /**
     * The columns a table of this layout has whatever its instances hold, so that even an export of no instance
     * creates them: DroppedTags (BEHAVIOUR 3.6: always in the schema) and SourceDicomStore when asked, or the
     * fixed columns of the JSON layout (3.9).
     */
    public static TableSchema baseSchema(FlattenOptions options) {
        if (options.layout() == Layout.JSON) {
            return JsonLayoutMapper.schema(options.includeSourceStore());
        }
        List<io.dicombq.domain.schema.Column> columns = new ArrayList<>(2);
        columns.add(Columns.DROPPED_TAGS_COLUMN);
        if (options.includeSourceStore()) {
            columns.add(Columns.SOURCE_DICOM_STORE_COLUMN);
        }
        return new TableSchema(columns);
    }
}
