package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The gate's locking (a checkpoint waits for gated transactions and never deadlocks against its own caller) and when
 * a load's checkpoint is due.
 */
class RowWriteGateTest {
    @TempDir
    Path dir;

    @Test
    void aCheckpointAskedForInsideAGatedTransactionIsSkippedInsteadOfDeadlocking() {
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            RowWriteGate gate = warehouse.rowWriteGate();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> gate.run(gate::checkpoint));
        }
    }

    @Test
    void aCheckpointWaitsUntilTheOpenGatedTransactionEnds() throws Exception {
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            RowWriteGate gate = warehouse.rowWriteGate();
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> transaction = CompletableFuture.runAsync(() -> gate.run(() -> {
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(gate::checkpoint);
            Thread.sleep(200);
            assertThat(checkpoint).as("a version written now would hold the open transaction").isNotDone();

            release.countDown();
            checkpoint.get(10, TimeUnit.SECONDS);
            transaction.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLoadWritesAVersionWheneverItsUnsavedPagesReachTheChunkSizeEvenIfTheCadenceIsNotUp() throws Exception {
        try (H2Warehouse warehouse = H2Warehouse.open(dir);
             Connection connection = warehouse.database().connection()) {
            // a clock that never moves: only the unsaved size can make a checkpoint due
            RowWriteGate gate = new RowWriteGate(warehouse.database(), true, () -> 0L, WriterLease.IN_PROCESS);
            Jdbc.execute(connection, "CREATE TABLE WIDE(V VARCHAR)");
            gate.checkpoint();
            MVStore store = H2StoreTiming.hostedStore(connection);
            long firstVersion = store.getCurrentVersion();
            String base64Block = "QUJD".repeat(10_000);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO WIDE VALUES (?)")) {
                for (int row = 0; row < 400; row++) {
                    gate.run(() -> insertOne(insert, base64Block));
                    assertThat(store.getUnsavedMemory()).as("unsaved after row %d", row)
                            .isLessThan(RowWriteGate.CHUNK_BYTES + 512 * 1024);
                }
            }
            // 400 rows of 40,000 characters are 16 MB of text, more in H2's estimate: five chunks at least
            assertThat(store.getCurrentVersion() - firstVersion).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aDueVersionIsWrittenByH2sSerialisingThreadWhileTheLoadGoesOnAndACheckpointWaitsForIt() throws Exception {
        try (H2Warehouse warehouse = H2Warehouse.open(dir);
             Connection connection = warehouse.database().connection()) {
            AtomicLong clock = new AtomicLong();
            RowWriteGate gate = new RowWriteGate(warehouse.database(), true, clock::get, WriterLease.IN_PROCESS);
            Jdbc.execute(connection, "CREATE TABLE WIDE(V VARCHAR)");
            gate.checkpoint();
            MVStore store = H2StoreTiming.hostedStore(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO WIDE VALUES (?)")) {
                gate.run(() -> insertOne(insert, "QUJD".repeat(1_000)));
            }
            // H2's serialising thread is kept busy, so a version handed to it cannot be in the file yet
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> blocker = serialisingThread(store).submit(() -> {
                busy.countDown();
                await(release);
            });
            await(busy);
            long inFile = store.getFileStore().lastChunkVersion();
            long taken = store.getCurrentVersion();

            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(RowWriteGate.CADENCE_MILLIS));
            assertTimeoutPreemptively(Duration.ofSeconds(10), gate::checkpointIfDue, "the load waited for the write");
            assertThat(store.getCurrentVersion()).as("a version was taken").isGreaterThan(taken);
            assertThat(store.getFileStore().lastChunkVersion()).as("but not written by the loading thread")
                    .isEqualTo(inFile);

            CompletableFuture<Void> checkpoint = CompletableFuture.runAsync(gate::checkpoint);
            release.countDown();
            checkpoint.get(10, TimeUnit.SECONDS);
            blocker.get(10, TimeUnit.SECONDS);
            assertThat(store.getFileStore().lastChunkVersion()).as("in the file once checkpoint returned")
                    .isGreaterThan(taken);
        }
    }

    private static ExecutorService serialisingThread(MVStore store) throws ReflectiveOperationException {
        Field executor = FileStore.class.getDeclaredField("serializationExecutor");
        executor.setAccessible(true);
        return (ExecutorService) executor.get(store.getFileStore());
    }

    private static void insertOne(PreparedStatement insert, String value) {
        try {
            insert.setString(1, value);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
