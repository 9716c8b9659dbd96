package io.dicombq.adapter.out.dicom.folder;

import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/** A directory of the tree that could not be listed: it fails like an instance, so the walk goes on. */
record UnlistableDirectory(Path directory, IOException failure) implements InstanceHandle {

    @Override
    public String resourceName() {
        return directory.toString();
    }

    @Override
    public DicomInstance read() {
        Code code = failure instanceof AccessDeniedException ? Code.PERMISSION_DENIED : Code.UNAVAILABLE;
        throw new DicombqException(code, "cannot list directory " + directory + ": " + failure.getMessage()
                + "; the files in it were not read");
    }
}
