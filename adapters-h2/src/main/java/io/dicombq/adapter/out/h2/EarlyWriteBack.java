package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.file.UncachedWritePath;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Has the kernel write the warehouse file to disk while a load goes on, a step of {@link #STEP_BYTES} at a time, so
 * that the fsync H2 runs when it closes the file finds little left. Without it a 20,000-instance export's gigabyte
 * stayed in the page cache until that fsync, which then took most of the 0.8-1 s between its last row and its exit,
 * with both cores idle (docs/BENCHMARKS.md, session 13). It only adds fdatasync calls, on a read-only channel of its
 * own and on a thread of its own, so what the file holds and when H2 writes it do not change.
 */
final class EarlyWriteBack implements AutoCloseable {
    /** Bytes H2 writes between two write-backs: about 50 ms of this host's disk, sixteen per gigabyte. */
    static final long STEP_BYTES = 64L << 20;

    private final long step;
    private final Object lock = new Object();
    private ExecutorService flusher;
    private FileChannel channel;
    private boolean flushing;
    private boolean closed;
    private long flushedAt;
    private long flushes;

    EarlyWriteBack() {
        this(STEP_BYTES);
    }

    EarlyWriteBack(long step) {
        this.step = step;
    }

    /**
     * Called after a version was handed to H2's writers: starts a write-back once the store has written a step more
     * than at the last one, unless one is still running.
     */
    void afterVersion(MVStore store) {
        FileStore<?> fileStore = store.getFileStore();
        if (fileStore == null) {
            return;
        }
        long written = WrittenBytes.of(fileStore);
        synchronized (lock) {
            if (closed || flushing || written - flushedAt < step) {
                return;
            }
            try {
                if (channel == null) {
                    channel = FileChannel.open(UncachedWritePath.plainPath(fileStore.getFileName()),
                            StandardOpenOption.READ);
                    flusher = Executors.newSingleThreadExecutor(task -> {
                        Thread thread = new Thread(task, "dicombq-writeback");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
            } catch (IOException | RuntimeException e) {
                // best effort: without it the close's fsync writes everything, as H2 does on its own
                closed = true;
                return;
            }
            flushing = true;
            flushedAt = written;
            FileChannel target = channel;
            flusher.execute(() -> flush(target));
        }
    }

    private void flush(FileChannel target) {
        try {
            target.force(false);
        } catch (IOException e) {
            // best effort, as above; H2's own fsync at close reports a failing disk
        } finally {
            synchronized (lock) {
                flushing = false;
                flushes++;
                lock.notifyAll();
            }
        }
    }

    /** How many write-backs have run, after waiting for the one running if any. */
    long flushes() throws InterruptedException {
        synchronized (lock) {
            while (flushing) {
                lock.wait();
            }
            return flushes;
        }
    }

    /** Waits for a running write-back, then releases the thread and the channel; later versions start none. */
    @Override
    public void close() {
        ExecutorService ending;
        FileChannel open;
        synchronized (lock) {
            closed = true;
            ending = flusher;
            open = channel;
        }
        if (ending != null) {
            ending.shutdown();
            try {
                ending.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // a read-only channel: nothing of the file depends on closing it
            }
        }
    }

    /** H2 2.3 counts the bytes a store wrote but does not publish the count; read once, as {@link H2StoreTiming} does. */
    private static final class WrittenBytes {
        private static final Field FIELD;

        static {
            try {
                FIELD = FileStore.class.getDeclaredField("writeBytes");
                FIELD.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private WrittenBytes() {
        }

        static long of(FileStore<?> store) {
            try {
                return ((AtomicLong) FIELD.get(store)).get();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read the bytes H2 wrote", e);
            }
        }
    }
}
