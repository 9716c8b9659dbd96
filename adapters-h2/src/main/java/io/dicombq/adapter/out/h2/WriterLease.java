package io.dicombq.adapter.out.h2;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lets one process at a time write to a warehouse that several dicombq processes share (H2 AUTO_SERVER): an
 * exclusive lock on {@code DATA_DIR/warehouse.write.lock}, held while any thread of this process is inside
 * {@link #hold}. Threads of the holding process share it; another process waits for it. This is what lets the
 * {@link RowWriteGate} speak for every process: a checkpoint holds the lease, so no other process has a transaction
 * over ROW values open, and a commit holds it from its first read of the destination to its swap, so two processes
 * never append to one table at once.
 *
 * <p>The lock file is never opened by anything else: on POSIX, closing any descriptor of a file drops every lock
 * the process holds on it, so the lock lives on a file of its own, opened once.
 */
public final class WriterLease implements AutoCloseable {
    /** The lease of an in-memory warehouse: one process by definition. */
    static final WriterLease IN_PROCESS = new WriterLease(null);

    private final FileChannel channel;
    private int holders;
    private FileLock lock;

    private WriterLease(FileChannel channel) {
        this.channel = channel;
    }

    static WriterLease in(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("warehouse.write.lock");
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            return new WriterLease(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new DicombqException(Code.UNAVAILABLE, "cannot open the warehouse's lock file " + file + ": " + e);
        }
    }

    /** Runs {@code work} holding the lease, waiting while another process holds it. */
    public <T> T hold(java.util.function.Supplier<T> work) {
        enter();
        try {
            return work.get();
        } finally {
            exit();
        }
    }

    /** {@link #hold(java.util.function.Supplier)} for work without a result. */
    public void run(Runnable work) {
        hold(() -> {
            work.run();
            return null;
        });
    }

    private synchronized void enter() {
        if (channel != null && holders == 0) {
            try {
                // Blocks while another process holds it; the monitor keeps this process's threads in line meanwhile.
                lock = channel.lock();
            } catch (IOException e) {
                throw new DicombqException(Code.UNAVAILABLE, "cannot lock the warehouse for writing: " + e);
            }
        }
        holders++;
    }

    private synchronized void exit() {
        holders--;
        if (lock != null && holders == 0) {
            try {
                lock.release();
            } catch (IOException e) {
                // the channel is gone; closing the process releases the lock anyway
            }
            lock = null;
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
