package io.dicombq.adapter.in.http.access;

import java.nio.file.Path;

/**
 * What a server's stores may read: folders inside the folder roots, DICOMweb services on the allow-list, and
 * filter files inside the folder roots. Checked when a store is created, when an export starts and again when the
 * export opens its store (a store registered from the command line may name anything).
 */
public record SourceConfinement(FolderConfinement folders, DicomWebAllowList dicomWeb) {

    /** A folder's real path, or null for an allowed DICOMweb URL; PERMISSION_DENIED for anything outside. */
    public Path check(String source) {
        if (FolderConfinement.isUrl(source)) {
            dicomWeb.check(source);
            return null;
        }
        return folders.check(source);
    }

    public void checkFilterFile(String uri) {
        folders.checkFilterFile(uri);
    }
}
