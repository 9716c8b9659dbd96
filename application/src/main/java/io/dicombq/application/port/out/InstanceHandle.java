package io.dicombq.application.port.out;

import io.dicombq.domain.dicom.DicomInstance;

/** One listed instance of a {@link DicomStore}, read on demand. */
public interface InstanceHandle {

    /** Where it is, for logs and errors: a file path, or a DICOMweb {@code …/studies/S/series/R/instances/I}. */
    String resourceName();

    /**
     * Reads the instance's metadata (bulk data skipped). A per-instance failure (not DICOM, truncated,
     * malformed, refused by the server) throws {@link io.dicombq.domain.status.DicombqException} whose message
     * says what was wrong and where; the export counts it and goes on.
     */
    DicomInstance read();
}
