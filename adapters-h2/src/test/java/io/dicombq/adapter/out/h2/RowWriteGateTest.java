package io.dicombq.adapter.out.h2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The gate's locking: a checkpoint waits for gated transactions and never deadlocks against its own caller. */
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

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
