package io.dicombq.adapter.out.dicom.folder;

import io.dicombq.adapter.out.dicom.part10.DicomParseException;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One file of a {@link FolderDicomStore}. Reading fails per instance, with a message naming the file and
 * what is wrong: not DICOM or malformed (INVALID_ARGUMENT, with offset and tag), a DICOMDIR under another
 * name or an instance without its UIDs (INVALID_ARGUMENT), gone (NOT_FOUND), unreadable (PERMISSION_DENIED).
 */
final class FileInstanceHandle implements InstanceHandle {
    // PS3.4 F.3: the SOP Class of a DICOMDIR
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    private final Path file;
    private final Part10Reader reader;

    FileInstanceHandle(Path file, Part10Reader reader) {
        this.file = file;
        this.reader = reader;
    }

    @Override
    public String resourceName() {
        return file.toString();
    }

    @Override
    public DicomInstance read() {
        DicomInstance instance;
        try {
            instance = reader.read(file);
        } catch (DicomParseException e) {
            throw e.toDicombqException();
        } catch (UncheckedIOException e) {
            Code code = e.getCause() instanceof NoSuchFileException ? Code.NOT_FOUND
                    : e.getCause() instanceof AccessDeniedException ? Code.PERMISSION_DENIED : Code.UNAVAILABLE;
            throw new DicombqException(new RpcError(code, e.getMessage()), e);
        }
        return exportable(instance, file.toString());
    }

    /** The checks every Part 10 file gets before export, wherever it was read from; {@code file} names it in errors. */
    static DicomInstance exportable(DicomInstance instance, String file) {
        if (MEDIA_STORAGE_DIRECTORY.equals(instance.fileMeta().text(Tag.of(0x0002, 0x0002)))) {
            throw new DicombqException(Code.INVALID_ARGUMENT, file + " is a DICOMDIR (Media Storage Directory), an index"
                    + " of a file-set rather than an instance; it is not exported");
        }
        requireUid(instance, file, Tag.STUDY_INSTANCE_UID, "StudyInstanceUID");
        requireUid(instance, file, Tag.SERIES_INSTANCE_UID, "SeriesInstanceUID");
        requireUid(instance, file, Tag.SOP_INSTANCE_UID, "SOPInstanceUID");
        return instance;
    }

    private static void requireUid(DicomInstance instance, String file, Tag tag, String keyword) {
        String uid = instance.dataset().text(tag);
        if (uid == null || uid.isEmpty()) {
            throw new DicombqException(Code.INVALID_ARGUMENT, file + " has no " + keyword + " " + tag
                    + ": an instance needs its study, series and SOP instance UIDs to be exported");
        }
    }
}
