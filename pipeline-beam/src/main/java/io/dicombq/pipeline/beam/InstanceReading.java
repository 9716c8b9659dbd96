package io.dicombq.pipeline.beam;

import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.Instant;

/**
 * Reads one listed instance in a worker: a store's instance through the store (a folder's file, a DICOMweb
 * instance with the DICOMweb client's retry rules), a local file a pattern matched through the folder store of the
 * pattern's root (so it reads exactly as a folder export reads it), and a file of another file system (gs://)
 * through Beam's FileSystems, parsed by the registered store sources.
 */
final class InstanceReading {
    private InstanceReading() {
    }

    static DicomInstance read(ExportSpec spec, String resourceName) {
        FilePattern files = spec.files();
        if (files == null) {
            return StoreAccess.store(spec.storeSource()).handle(resourceName).read();
        }
        if (files.local()) {
            return StoreAccess.store(files.root()).handle(resourceName).read();
        }
        return streamed(resourceName);
    }

    private static DicomInstance streamed(String name) {
        try {
            MatchResult.Metadata file = FileSystems.matchSingleFileSpec(name);
            try (InputStream bytes = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
                return StoreAccess.readFile(name, bytes, file.sizeBytes(), Instant.ofEpochMilli(file.lastModifiedMillis()));
            }
        } catch (FileNotFoundException e) {
            throw new DicombqException(Code.NOT_FOUND, name + " is gone since it was listed: " + e.getMessage());
        } catch (IOException e) {
            throw new DicombqException(Code.UNAVAILABLE, "cannot read " + name + ": " + e.getMessage());
        }
    }
}
