package io.dicombq.adapter.out.h2.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Housekeeping of the staging directory for the warehouse that owns it. */
public final class StagingFiles {
    private StagingFiles() {
    }

    /** Deletes staging files left by a process that died before commit or abort. */
    public static void deleteStale(Path directory) {
        SpillFile.deleteStale(directory);
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
