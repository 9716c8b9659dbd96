package io.dicombq.application.port.out;

import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.DicomStoreName;

import java.util.Objects;
import java.util.Optional;

/**
 * What an export operation does, validated and stored with the operation so any process can run it: the
 * store (its name and where its instances are), the destination, and the options of specification 1.
 */
public record ExportJob(DicomStoreName store, String storeSource, TableUri table, DestinationOptions options,
                        boolean includeSourceStore, Layout layout, Optional<String> filterUri) {
    public ExportJob {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(storeSource, "storeSource");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(filterUri, "filterUri");
    }
}
