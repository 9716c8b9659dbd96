package io.dicombq.adapter.out.dicom.folder;

import io.dicombq.adapter.out.dicom.part10.DicomParseException;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A Part 10 file read from a stream another file system opened (an object of gs://, matched by a distributed export),
 * with the same errors and checks as a folder store's files; its size and modification time come from that file
 * system, as a stream does not tell them.
 */
public final class StreamedPart10File {
    private StreamedPart10File() {
    }

    public static DicomInstance read(Part10Reader reader, String name, InputStream bytes, long sizeBytes,
                                     Instant lastModified) {
        DicomInstance read;
        try {
            read = reader.read(bytes, name, sizeBytes);
        } catch (DicomParseException e) {
            throw e.toDicombqException();
        } catch (UncheckedIOException e) {
            throw new DicombqException(new RpcError(Code.UNAVAILABLE, e.getMessage()), e);
        }
        // specification 3.6: LastUpdated is the file's modification time, as for a file of a folder
        DicomInstance sized = new DicomInstance(read.source(), read.fileMeta(), read.dataset(), sizeBytes,
                lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.MICROS), read.unreadPixelData());
        return FileInstanceHandle.exportable(sized, name);
    }
}
