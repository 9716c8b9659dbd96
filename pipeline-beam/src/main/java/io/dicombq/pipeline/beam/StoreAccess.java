package io.dicombq.pipeline.beam;

import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DICOM stores as a worker reaches them: the pipeline module sees no DICOM adapter, so the composition root's
 * {@link DicomStoreSources} is found with {@link ServiceLoader} in each worker's JVM (adapters-cli registers it; a
 * runnable jar carries the registration); the first one whose check accepts the source opens it. One open store per source and JVM, shared by the worker's threads.
 */
final class StoreAccess {
    private static final Map<String, DicomStore> OPEN = new ConcurrentHashMap<>();

    private StoreAccess() {
    }

    static DicomStore store(String source) {
        return OPEN.computeIfAbsent(source, key -> sources(key).open(key));
    }

    /**
     * Reads a Part 10 file the pipeline opened itself (a gs:// object) with the first registered sources that can
     * (the default of {@link DicomStoreSources#readFile} refuses with UNIMPLEMENTED before touching the stream).
     */
    static DicomInstance readFile(String name, InputStream bytes, long sizeBytes, Instant lastModified) {
        for (DicomStoreSources sources : ServiceLoader.load(DicomStoreSources.class, StoreAccess.class.getClassLoader())) {
            try {
                return sources.readFile(name, bytes, sizeBytes, lastModified);
            } catch (DicombqException e) {
                if (e.code() != Code.UNIMPLEMENTED) {
                    throw e;
                }
            }
        }
        throw new DicombqException(Code.FAILED_PRECONDITION, "no DICOM store sources on this worker's class path can"
                + " read Part 10 files (" + name + "): run the pipeline from the dicombq jar, which registers"
                + " META-INF/services/" + DicomStoreSources.class.getName());
    }

    /** The first registered sources that accept {@code source} (their check passes); the last refusal otherwise. */
    static DicomStoreSources sources(String source) {
        DicombqException refusal = null;
        for (DicomStoreSources sources : ServiceLoader.load(DicomStoreSources.class, StoreAccess.class.getClassLoader())) {
            try {
                sources.check(source);
                return sources;
            } catch (DicombqException e) {
                refusal = e;
            }
        }
        if (refusal != null) {
            throw refusal;
        }
        throw new DicombqException(Code.FAILED_PRECONDITION, "no DICOM store sources on this worker's class path:"
                + " run the pipeline from the dicombq jar (or a runnable pipeline jar), which registers"
                + " META-INF/services/" + DicomStoreSources.class.getName());
    }
}
