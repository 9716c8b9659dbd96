package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;

import java.time.Instant;

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
}
