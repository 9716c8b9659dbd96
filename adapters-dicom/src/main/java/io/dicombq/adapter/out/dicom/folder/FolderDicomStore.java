package io.dicombq.adapter.out.dicom.folder;

import io.dicombq.adapter.out.dicom.part10.Part10Reader;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.FileSetNames;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link DicomStore} over a directory tree of DICOM Part 10 files. Listing is lazy (one open directory
 * per level, never the whole tree in memory) and in directory order, which the file system decides; each
 * regular file is one instance handle, read on demand. Files named {@code DICOMDIR} are left out: PS3.10 8.6
 * reserves the name for the file-set's directory, which describes instances but is not one. Any other file
 * that is not a DICOM instance fails when read, with the reason (see {@link FileInstanceHandle}).
 */
public final class FolderDicomStore implements DicomStore {
    private final Path root;
    private final Part10Reader reader;

    public FolderDicomStore(Path root, Part10Reader reader) {
        this.root = Objects.requireNonNull(root, "root");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    public Path root() {
        return root;
    }

    /** Every file under the root; the selector cannot prune before reading, so the caller applies it. */
    @Override
    public Stream<InstanceHandle> instances(InstanceSelector selector) {
        if (!Files.isDirectory(root)) {
            throw new DicombqException(Code.NOT_FOUND, "DICOM folder " + root + " does not exist or is not a directory;"
                    + " give the path of a directory holding DICOM files");
        }
        LazyFileWalk walk = new LazyFileWalk(root);
        Stream<LazyFileWalk.Entry> entries = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED | Spliterator.NONNULL), false);
        return entries.onClose(walk::close)
                .filter(entry -> entry.failure() != null || !isDicomDir(entry.path()))
                .map(this::handle);
    }

    /** A file this store listed, by its path; a path outside the root is refused (a store reads its own files only). */
    @Override
    public InstanceHandle handle(String resourceName) {
        Path file;
        try {
            file = Path.of(resourceName);
        } catch (java.nio.file.InvalidPathException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "'" + resourceName + "' is not a file path: " + e.getMessage());
        }
        if (!file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
            throw new DicombqException(Code.INVALID_ARGUMENT, resourceName + " is not under the store's folder " + root);
        }
        return new FileInstanceHandle(file, reader);
    }

    private InstanceHandle handle(LazyFileWalk.Entry entry) {
        if (entry.failure() != null) {
            return new UnlistableDirectory(entry.path(), entry.failure());
        }
        return new FileInstanceHandle(entry.path(), reader);
    }

    private static boolean isDicomDir(Path file) {
        return FileSetNames.isDicomDir(file.getFileName().toString());
    }
}
