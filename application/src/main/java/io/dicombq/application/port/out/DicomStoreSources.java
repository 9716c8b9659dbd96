package io.dicombq.application.port.out;

import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.InputStream;
import java.time.Instant;

/** Opens the store behind a source: a folder path, or a DICOMweb URL when that adapter is wired. */
public interface DicomStoreSources {

    /**
     * Checks a source when a store is registered or an export starts: INVALID_ARGUMENT or NOT_FOUND saying
     * what is wrong with it (e.g. the folder does not exist).
     */
    void check(String source);

    DicomStore open(String source);

    /**
     * Reads one Part 10 file that the caller found and opened itself (an object of a file system only a distributed
     * export reaches, such as gs://), with the checks a folder store's files get; its size and modification time are
     * the caller's, as the stream does not tell them. A per-instance failure throws, as {@link InstanceHandle#read()}.
     */
    default DicomInstance readFile(String resourceName, InputStream bytes, long sizeBytes, Instant lastModified) {
        throw new DicombqException(Code.UNIMPLEMENTED, getClass().getSimpleName() + " cannot read Part 10 files from a"
                + " stream (" + resourceName + ")");
    }
}
