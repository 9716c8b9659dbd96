package io.dicombq.adapter.out.h2.file;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * H2's files under the prefix {@value #SCHEME}{@code :}, where the writes of whole blocks to a database file
 * ({@code .mv.db}) go to the disk without passing through the page cache ({@link UncachedWriteChannel}); every other
 * file and every read is H2's ordinary disk file. H2 finds it by the prefix of the database's name once
 * {@link #register} has run in the JVM (H2's FilePath registry); {@link #databaseName} registers it, so every process
 * that opens the warehouse by that name has it.
 */
public final class UncachedWritePath extends FilePathWrapper {
    public static final String SCHEME = "dicombq-uncached";
    private static final String DATABASE_FILE = ".mv.db";

    private static boolean registered;

    /** H2 makes its paths by reflection (FilePathWrapper.create), hence a public constructor. */
    public UncachedWritePath() {
    }

    /** Registers the prefix with H2, once per JVM. */
    public static synchronized void register() {
        if (!registered) {
            FilePath.register(new UncachedWritePath());
            registered = true;
        }
    }

    /** The H2 database name for the files at {@code base} (a path without H2's suffixes). */
    public static String databaseName(Path base) {
        register();
        return SCHEME + ":" + base;
    }

    /** The file-system path of an H2 file name, with or without this prefix. */
    public static Path plainPath(String h2FileName) {
        String prefix = SCHEME + ":";
        return Path.of(h2FileName.startsWith(prefix) ? h2FileName.substring(prefix.length()) : h2FileName);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel plain = getBase().open(mode);
        if (!name.endsWith(DATABASE_FILE) || !mode.contains("w")) {
            return plain;
        }
        return UncachedWriteChannel.over(plainPath(name), plain);
    }
}
