package io.dicombq.domain.dicom;

import java.time.Instant;
import java.util.Objects;

/**
 * One DICOM instance as a store yields it: where it came from (a file path or a DICOMweb resource name),
 * its file meta information (group 0002, empty when the source has none), its data set, its size in bytes
 * (-1 when the source does not tell it, as DICOMweb metadata does not), when the store last changed it (a
 * file's modification time; null when the store does not tell it), and the pixel data element the reader
 * stopped at without reading it (null when there was none or it was read), which the export still lists in
 * DroppedTags (specification 3.6).
 */
public record DicomInstance(String source, DicomDataset fileMeta, DicomDataset dataset, long sizeBytes,
                            Instant lastModified, Tag unreadPixelData) {
    public DicomInstance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileMeta, "fileMeta");
        Objects.requireNonNull(dataset, "dataset");
    }

    public DicomInstance(String source, DicomDataset fileMeta, DicomDataset dataset, long sizeBytes) {
        this(source, fileMeta, dataset, sizeBytes, null, null);
    }

    public DicomInstance withLastModified(Instant time) {
        return new DicomInstance(source, fileMeta, dataset, sizeBytes, time, unreadPixelData);
    }

    public DicomInstance withUnreadPixelData(Tag tag) {
        return new DicomInstance(source, fileMeta, dataset, sizeBytes, lastModified, tag);
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
