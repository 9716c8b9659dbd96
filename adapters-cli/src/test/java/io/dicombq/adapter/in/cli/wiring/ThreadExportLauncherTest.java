package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.domain.operation.OperationName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadExportLauncherTest {
    private static final OperationName OPERATION =
            OperationName.parse("projects/my-project/locations/local/datasets/default/operations/1");

    /** The waiting command learns the end when it happens, not when a pause runs out: here the pause is endless. */
    @Test
    @Timeout(60)
    void aWaitForAnExportRunHereEndsWhenTheExportEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        try (ThreadExportLauncher launcher = new ThreadExportLauncher(operation -> {
            await(release);
            finished.set(true);
        }, 1)) {
            launcher.launch(OPERATION);
            AtomicBoolean waited = new AtomicBoolean();
            AtomicBoolean sawTheEnd = new AtomicBoolean();
            Thread waiter = new Thread(() -> {
                try {
                    waited.set(launcher.awaitEnd(OPERATION, Long.MAX_VALUE / 2));
                    sawTheEnd.set(finished.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();
            // The export ends only once the waiter waits for it (its only timed wait is the one on the export's end),
            // or has returned without waiting, which the assertions below catch.
            while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.isAlive()) {
                Thread.onSpinWait();
            }
            release.countDown();
            waiter.join();

            assertThat(waited).isTrue();
            assertThat(sawTheEnd).as("the wait returned after the export ended").isTrue();
            assertThat(launcher.awaitEnd(OPERATION, Long.MAX_VALUE / 2)).as("an ended export is not waited for").isFalse();
        }
    }

    @Test
    void anExportNotRunHereIsNotWaitedFor() throws Exception {
        try (ThreadExportLauncher launcher = new ThreadExportLauncher(operation -> { }, 1)) {
            assertThat(launcher.awaitEnd(OPERATION, Long.MAX_VALUE / 2)).isFalse();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
