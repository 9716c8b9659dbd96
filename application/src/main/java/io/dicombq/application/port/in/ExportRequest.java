package io.dicombq.application.port.in;

import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.operation.DicomStoreName;

import java.util.Objects;
import java.util.Optional;

/**
 * An export request as a user wrote it (specification 1): the store, {@code bigqueryDestination.tableUri} as text (it is
 * validated by the use case), force / writeDisposition, includeSourceStore, the layout and the filter file URI.
 */
public record ExportRequest(StoreReference store, String tableUri, DestinationOptions options,
                            boolean includeSourceStore, Layout layout, Optional<String> filterUri) {
    public ExportRequest {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(filterUri, "filterUri");
    }

    /** Which store to export: a registered one, or an ad-hoc store over a source that is not registered. */
    public sealed interface StoreReference {
        DicomStoreName name();
    }

    /** A store created with dicom-stores create (or the HTTP API); unknown names are NOT_FOUND. */
    public record RegisteredStore(DicomStoreName name) implements StoreReference {
        public RegisteredStore {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A folder (or URL) exported directly, under a name the caller chose. */
    public record AdHocStore(DicomStoreName name, String source) implements StoreReference {
        public AdHocStore {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
        }
    }
}
