package io.dicombq.adapter.out.h2;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * Keeps H2 from ever writing into a file it had to recover. A file a killed process left (its store header lacks
 * H2's clean-close mark) is read as H2 would recover it, copied map by map into a fresh file, and that file replaces
 * it in one atomic rename, before H2 opens it for writing. H2 2.3.232 can recover such a file, then write into it
 * and close it in a state it refuses at the next open ("Double mark", seen once in KillTest; in H2's sources, its
 * recovery stops counting the blocks of dead chunks it cannot verify while its layout map still lists them, so new
 * chunks may go on those blocks; h2database issues #2752 and #4065 fixed one case of it). The copy
 * is the one H2's own SHUTDOWN COMPACT makes ({@link MVStoreTool#compact(MVStore, MVStore)}), so the file the
 * warehouse writes into is always one a clean close or a fresh copy produced. A crash during the copy leaves the
 * old file in place (H2 deletes the half-written copy at open) and the next open copies again.
 */
public final class UncleanFileRewrite {
    /** H2's two copies of the store header, one block each at the start of the file (FileStore.BLOCK_SIZE). */
    private static final int HEADER_BLOCK = 4096;
    /** The copy's name: H2's own name for the file SHUTDOWN COMPACT writes, which H2 deletes at open if left over. */
    private static final String COPY_SUFFIX = ".tempFile";

    private UncleanFileRewrite() {
    }

    /**
     * Rewrites {@code DATA_DIR/warehouse.mv.db} if a killed process left it; true when it did. Does nothing when the
     * file is absent, was closed cleanly, or is open in a process that is alive (H2 locks it then), and leaves a
     * file it cannot read to H2's open, which reports it.
     */
    static boolean ifLeftByACrash(Path dataDir, WriterLease lease) {
        Path file = H2Database.fileIn(dataDir);
        // Open in this JVM: it is alive, and even reading its header here would drop H2's lock on it (H2Database).
        if (H2Database.openHere(dataDir) || !Files.exists(file) || closedCleanly(file)) {
            return false;
        }
        try {
            // One process at a time: two starting at once must not copy the same file over each other.
            return lease.hold(() -> !closedCleanly(file) && rewrite(file));
        } catch (RuntimeException e) {
            // Held by a live process (its lock), or unreadable: H2's open below shares it or reports it.
            return false;
        }
    }

    private static boolean rewrite(Path file) {
        Path copy = file.resolveSibling(file.getFileName() + COPY_SUFFIX);
        try {
            Files.deleteIfExists(copy);
            // Read-only: H2 recovers the newest complete version in memory and writes nothing to the old file.
            try (MVStore source = new MVStore.Builder().fileName(file.toString()).readOnly().open();
                 MVStore target = new MVStore.Builder().fileName(copy.toString()).open()) {
                MVStoreTool.compact(source, target);
            }
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // H2 deletes a left-over copy at open
            }
            if (e instanceof org.h2.mvstore.MVStoreException locked && locked.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return false;
            }
            throw e instanceof RuntimeException runtime ? runtime : new java.io.UncheckedIOException((IOException) e);
        }
    }

    /**
     * Whether H2 closed the file cleanly: both copies of its store header are the same, their checksum holds, and
     * they carry the clean mark H2 writes at close and removes at the first write after open.
     */
    public static boolean closedCleanly(Path file) {
        byte[] header = new byte[2 * HEADER_BLOCK];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        byte[] first = Arrays.copyOfRange(header, 0, HEADER_BLOCK);
        if (!Arrays.equals(first, Arrays.copyOfRange(header, HEADER_BLOCK, header.length))) {
            return false;
        }
        String text = new String(first, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        int fletcher = text.lastIndexOf(",fletcher:", end);
        if (end < 0 || fletcher < 0) {
            return false;
        }
        try {
            int expected = (int) Long.parseLong(text.substring(fletcher + ",fletcher:".length(), end), 16);
            if (DataUtils.getFletcher32(first, 0, fletcher) != expected) {
                return false;
            }
            Map<String, String> fields = DataUtils.parseMap(text.substring(0, fletcher));
            return Integer.parseInt(fields.getOrDefault("clean", "0"), 16) != 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
