package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.dicom.folder.FolderDicomStore;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Store sources on this machine: folders of Part 10 files (a DICOMweb URL needs the DICOMweb adapter). */
public final class LocalDicomStoreSources implements DicomStoreSources {

    @Override
    public void check(String source) {
        folder(source);
    }

    @Override
    public DicomStore open(String source) {
        return new FolderDicomStore(folder(source), new Part10Reader());
    }

    private static Path folder(String source) {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "DICOMweb sources (" + source + ") are not supported by"
                    + " this build; use a folder of DICOM files");
        }
        Path folder;
        try {
            folder = Path.of(source);
        } catch (InvalidPathException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Store source '" + source + "' is not a valid path: " + e.getMessage());
        }
        if (!Files.isDirectory(folder)) {
            throw new DicombqException(Code.NOT_FOUND, "Store source folder " + folder.toAbsolutePath()
                    + " does not exist or is not a folder");
        }
        return folder;
    }
}
