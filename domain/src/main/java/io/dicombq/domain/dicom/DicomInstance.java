package io.dicombq.domain.dicom;

import java.util.Objects;

/**
 * One DICOM instance as a store yields it: where it came from (a file path or a DICOMweb resource name),
 * its file meta information (group 0002, empty when the source has none), its data set, and its size in bytes
 * (-1 when the source does not tell it, as DICOMweb metadata does not).
 */
public record DicomInstance(String source, DicomDataset fileMeta, DicomDataset dataset, long sizeBytes) {
    public DicomInstance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileMeta, "fileMeta");
        Objects.requireNonNull(dataset, "dataset");
    }

    public String studyInstanceUid() {
        return dataset.text(Tag.STUDY_INSTANCE_UID);
    }

    public String seriesInstanceUid() {
        return dataset.text(Tag.SERIES_INSTANCE_UID);
    }

    public String sopInstanceUid() {
        return dataset.text(Tag.SOP_INSTANCE_UID);
    }

    /** {@code /studies/S/series/R/instances/I}: the instance's DICOMweb path (PS3.18 10.4). */
    public String dicomWebPath() {
        return "/studies/" + studyInstanceUid() + "/series/" + seriesInstanceUid() + "/instances/" + sopInstanceUid();
    }
}
