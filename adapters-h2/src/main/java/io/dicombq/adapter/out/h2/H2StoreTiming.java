package io.dicombq.adapter.out.h2;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.engine.SessionRemote;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.util.Utils;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes the timing of the versions H2 writes to disk away from H2, so that the warehouse decides when a version is
 * written ({@link RowWriteGate#checkpoint}). H2 2.3 writes one (a) from its background writer once WRITE_DELAY
 * passed, (b) in the middle of any write that finds more unsaved memory than its auto-commit threshold (about
 * 19 MB), (c) when a transaction ends and none is open, with three quarters of that threshold unsaved, (d) at the
 * end of a transaction an earlier version caught open, (e) on CHECKPOINT and (f) at close, after rolling back what
 * is open. (a) and (b) come at any moment, also while a transaction over ROW values is open, which H2 then cannot
 * reopen; so WRITE_DELAY is set to its maximum in the URL and the background writer is then stopped (asleep, it
 * would still wake every 8 days), and the threshold, which no setting reaches, is raised to {@link #UNSAVED_LIMIT}.
 * (c) and (f) hold no open transaction; (d) follows only an (e), which the gate keeps clean. The writer's serialising
 * and saving threads are started again on their own, so that the gate's versions are written off the loading thread.
 */
final class H2StoreTiming {
    /**
     * The URL settings: H2's background writer kept asleep (WRITE_DELAY at its maximum, in milliseconds), and no
     * compaction at close (MAX_COMPACT_TIME=0). That compaction moves chunks inside the file, and on a file H2 had
     * recovered it failed an assertion of H2's own (RandomAccessStore.moveChunkInside, in KillTest; h2database issue
     * #4123, where rows went missing): space is reused without it, and a file is compacted whole when it is copied
     * after a crash ({@link UncleanFileRewrite}).
     */
    static final String URL_SETTING = ";WRITE_DELAY=" + Integer.MAX_VALUE + ";MAX_COMPACT_TIME=0";
    /**
     * The unsaved memory past which H2 writes a version by itself: 512 MB, out of reach while loads checkpoint every
     * 100 ms, and small enough that H2's own arithmetic on it (three quarters of it, in an int) does not overflow.
     */
    static final int UNSAVED_LIMIT = 512 * 1024 * 1024;

    private H2StoreTiming() {
    }

    /**
     * Applies the threshold and stops the writer in the database this process hosts, whether it opened it or came to
     * host it when the process serving it exited (a process reaching it through another's AUTO_SERVER finds it applied
     * there). Checked at every connection, a no-op once applied. Refuses to go on if this H2 does not let it: the
     * warehouse would be exposed to the crash it exists to prevent.
     */
    static void takeOver(Connection connection) {
        try {
            MVStore store = hostedStore(connection);
            // The threshold is set last: once it is there, the writer was stopped too.
            if (store == null || store.getAutoCommitMemory() == UNSAVED_LIMIT) {
                return;
            }
            // Asleep is not stopped: every WRITE_DELAY / 3 (8 days) the writer wakes and runs H2's housekeeping, which
            // moves and rewrites chunks whatever transaction is open. A long-running serve would meet it.
            stopWriter(store.getFileStore());
            if (!store.isReadOnly()) {
                startVersionWriters(store.getFileStore());
            }
            Field limit = MVStore.class.getDeclaredField("autoCommitMemory");
            limit.setAccessible(true);
            limit.setInt(store, UNSAVED_LIMIT);
            if (store.getAutoCommitMemory() != UNSAVED_LIMIT || store.getAutoCommitDelay() != Integer.MAX_VALUE) {
                throw new IllegalStateException("H2 kept auto-commit memory " + store.getAutoCommitMemory()
                        + " and delay " + store.getAutoCommitDelay());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DicombqException(io.dicombq.domain.status.RpcError.of(Code.CANCELLED, "interrupted while the"
                    + " warehouse took over H2's writes"), e);
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            throw new DicombqException(io.dicombq.domain.status.RpcError.of(Code.INTERNAL, "this H2 version does not"
                    + " let the warehouse decide when it writes to disk (" + e + "); dicombq needs H2 2.3.232"), e);
        }
    }

    /**
     * Stops H2's background writer and waits for it to end. H2's own stop clears the writer and notifies it, but the
     * writer checks that it is still the writer before it takes the lock it waits under: stopped between the two, it
     * sleeps its full WRITE_DELAY / 3 (8 days here) and a join waits as long, which hung a CI run (session 16). An
     * interrupt is not lost that way (a wait begun after it returns at once), and the writer ends on it: it does no
     * I/O before its first wait is over.
     */
    private static void stopWriter(FileStore<?> fileStore) throws ReflectiveOperationException, InterruptedException {
        Field field = FileStore.class.getDeclaredField("backgroundWriterThread");
        field.setAccessible(true);
        Thread writer = ((AtomicReference<?>) field.get(fileStore)).get() instanceof Thread thread ? thread : null;
        Method stop = FileStore.class.getDeclaredMethod("stopBackgroundThread", boolean.class);
        stop.setAccessible(true);
        stop.invoke(fileStore, false);
        if (writer != null) {
            writer.interrupt();
            writer.join();
        }
    }

    /**
     * Gives H2 back the two threads its background writer came with, and only them: one serialises a version's pages,
     * one writes them to the file. Stopping the writer ended both, so every version was serialised and written by the
     * thread that asked for it; with them, {@link RowWriteGate#checkpointIfDue} hands a version over and goes on
     * loading (H2's own path: MVStore.tryCommit, FileStore.storeIt). The version is still taken by that thread, under
     * the gate. They never start a version themselves, and end after a second idle, so a store closed without them
     * leaves no thread behind.
     */
    private static void startVersionWriters(FileStore<?> fileStore) throws ReflectiveOperationException {
        for (String field : new String[] {"serializationExecutor", "bufferSaveExecutor"}) {
            ThreadPoolExecutor writer = Utils.createSingleThreadExecutor(
                    field.equals("serializationExecutor") ? "H2-serialization" : "H2-save");
            writer.setKeepAliveTime(1, TimeUnit.SECONDS);
            writer.allowCoreThreadTimeOut(true);
            Field executor = FileStore.class.getDeclaredField(field);
            executor.setAccessible(true);
            executor.set(fileStore, writer);
        }
    }

    /**
     * The store of the database this connection reaches if this process hosts it, else null. A process reaching the
     * database through another's AUTO_SERVER comes to host it when that one exits: H2's automatic reconnect opens
     * the file here and keeps its session to it inside the remote one (SessionRemote's embedded session).
     */
    static MVStore hostedStore(Connection connection) throws SQLException, ReflectiveOperationException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (session instanceof SessionRemote remote) {
            session = (Session) EmbeddedSession.FIELD.get(remote);
        }
        return session instanceof SessionLocal local ? local.getDatabase().getStore().getMvStore() : null;
    }

    /** SessionRemote's session to a database it came to host, looked up once (every connection reads it). */
    private static final class EmbeddedSession {
        static final Field FIELD;

        static {
            try {
                FIELD = SessionRemote.class.getDeclaredField("embedded");
                FIELD.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private EmbeddedSession() {
        }
    }
}
