package io.dicombq.domain.dicom;

import java.util.Locale;

/** File names with a meaning in a DICOM file-set, which any lister of Part 10 files (a folder, a glob) heeds alike. */
public final class FileSetNames {
    private FileSetNames() {
    }

    /** PS3.10 8.6: DICOMDIR names the file-set's directory, which describes instances but is not one. */
    public static boolean isDicomDir(String fileName) {
        return fileName.toUpperCase(Locale.ROOT).equals("DICOMDIR");
    }
}
