package io.dicombq.adapter.out.dicom.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks a directory tree depth first, one directory stream open per level, so memory follows the depth of
 * the tree and not the number of files. Symbolic links are not followed (no cycles). A directory that
 * cannot be listed is yielded as a {@link Entry#failure()} instead of ending the walk.
 */
final class LazyFileWalk implements Iterator<LazyFileWalk.Entry>, AutoCloseable {

    /** A regular file found, or a directory that could not be listed (with the reason). */
    record Entry(Path path, IOException failure) {
    }

    private final Deque<DirectoryStream<Path>> streams = new ArrayDeque<>();
    private final Deque<Iterator<Path>> iterators = new ArrayDeque<>();
    private final Deque<Path> directories = new ArrayDeque<>();
    private Entry next;

    LazyFileWalk(Path root) {
        open(root);
    }

    private void open(Path directory) {
        try {
            DirectoryStream<Path> stream = Files.newDirectoryStream(directory);
            streams.push(stream);
            iterators.push(stream.iterator());
            directories.push(directory);
        } catch (IOException e) {
            next = new Entry(directory, e);
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !iterators.isEmpty()) {
            Iterator<Path> current = iterators.peek();
            Path path;
            try {
                if (!current.hasNext()) {
                    leaveDirectory();
                    continue;
                }
                path = current.next();
            } catch (DirectoryIteratorException e) {
                next = new Entry(directories.peek(), e.getCause());
                leaveDirectory();
                continue;
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                if (!isDataDirectory(path)) {
                    open(path);
                }
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                next = new Entry(path, null);
            }
        }
        return next != null;
    }

    /**
     * A dicombq data directory inside the exported folder (the default {@code ./.dicombq} when exporting {@code .}):
     * its files are not DICOM, and opening one from the process that holds it drops that process's locks on it
     * (POSIX locks go with any descriptor of the file being closed), which would let a second process write the
     * warehouse file at the same time.
     */
    private static boolean isDataDirectory(Path directory) {
        return Files.exists(directory.resolve("warehouse.mv.db"), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(directory.resolve("operations.mv.db"), LinkOption.NOFOLLOW_LINKS);
    }

    private void leaveDirectory() {
        iterators.pop();
        directories.pop();
        closeQuietly(streams.pop());
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry entry = next;
        next = null;
        return entry;
    }

    @Override
    public void close() {
        while (!streams.isEmpty()) {
            closeQuietly(streams.pop());
        }
        iterators.clear();
        directories.clear();
    }

    private static void closeQuietly(DirectoryStream<Path> stream) {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
