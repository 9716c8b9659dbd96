package io.dicombq.adapter.out.h2.sink;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Housekeeping of the staging directory for the warehouse that owns it. */
public final class StagingFiles {
    private StagingFiles() {
    }

    /**
     * Deletes the staging files ({@code *.rows}) that earlier versions kept an append's rows in, left by a process
     * that died before commit or abort; a file another live process holds locked is kept.
     */
    public static void deleteStale(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.rows")) {
            for (Path file : files) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        lock.release();
                        Files.deleteIfExists(file);
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // held by a live process: not stale
                }
            }
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /** Deletes the directory and everything in it (a private temporary staging directory). */
    public static void deleteAll(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
