package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.dicom.folder.FolderDicomStore;
import io.dicombq.adapter.out.dicom.folder.StreamedPart10File;
import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import io.dicombq.adapter.out.dicom.web.DicomWebEndpoint;
import io.dicombq.adapter.out.dicom.web.DicomWebStore;
import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Store sources: folders of Part 10 files, and DICOMweb services given by their base URL (the part before
 * {@code /studies}), with the bearer token of {@value #DICOMWEB_TOKEN_VARIABLE} when it is set.
 */
public final class LocalDicomStoreSources implements DicomStoreSources {
    /** Environment variable holding a bearer token for DICOMweb sources; kept out of store definitions and logs. */
    public static final String DICOMWEB_TOKEN_VARIABLE = "DICOMBQ_DICOMWEB_TOKEN";

    private final Optional<String> dicomWebToken;

    public LocalDicomStoreSources() {
        this(Optional.ofNullable(System.getenv(DICOMWEB_TOKEN_VARIABLE)));
    }

    public LocalDicomStoreSources(Optional<String> dicomWebToken) {
        this.dicomWebToken = dicomWebToken;
    }

    public static boolean isDicomWeb(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    @Override
    public void check(String source) {
        if (isDicomWeb(source)) {
            DicomWebEndpoint.parse(source, dicomWebToken);
        } else {
            folder(source);
        }
    }

    @Override
    public DicomStore open(String source) {
        if (isDicomWeb(source)) {
            return DicomWebStore.connect(DicomWebEndpoint.parse(source, dicomWebToken));
        }
        return new FolderDicomStore(folder(source), exportReader());
    }

    @Override
    public DicomInstance readFile(String resourceName, InputStream bytes, long sizeBytes, Instant lastModified) {
        return StreamedPart10File.read(exportReader(), resourceName, bytes, sizeBytes, lastModified);
    }

    private static Part10Reader exportReader() {
        return new Part10Reader(ReadOptions.forExport(), DataDictionary.standard());
    }

    private static Path folder(String source) {
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
