package io.dicombq.application.port.out;

import io.dicombq.domain.filter.InstanceSelector;

import java.util.stream.Stream;

/**
 * A source of DICOM instances: a folder of Part 10 files, a DICOMweb server. Listing is lazy and reading is
 * separate, so the caller parses instances in parallel with bounded memory whatever the store's size.
 */
public interface DicomStore {

    /**
     * The store's instances, pruned by the selector as early as the store can (a DICOMweb store before any
     * read; a folder store only after reading, so the caller checks the selector again). The caller closes
     * the stream. A store that cannot be listed at all throws {@link io.dicombq.domain.status.DicombqException}.
     */
    Stream<InstanceHandle> instances(InstanceSelector selector);
}
