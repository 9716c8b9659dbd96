package io.dicombq.application.port.out;

/** Opens the store behind a source: a folder path, or a DICOMweb URL when that adapter is wired. */
public interface DicomStoreSources {

    /**
     * Checks a source when a store is registered or an export starts: INVALID_ARGUMENT or NOT_FOUND saying
     * what is wrong with it (e.g. the folder does not exist).
     */
    void check(String source);

    DicomStore open(String source);
}
