package io.dicombq.application.port.out;

import io.dicombq.domain.operation.DicomStoreName;

import java.time.Instant;
import java.util.Objects;

/** A registered store: its resource name, its source (a folder path or a DICOMweb base URL), and when it was made. */
public record DicomStoreDefinition(DicomStoreName name, String source, Instant createTime) {
    public DicomStoreDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createTime, "createTime");
    }
}
