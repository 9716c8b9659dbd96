package io.dicombq.adapter.in.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InOrderTest {

    @Test
    void resultsHandedInOutOfOrderAreConsumedInOrder() {
        List<String> consumed = new ArrayList<>();
        InOrder<String> order = new InOrder<>(4, 4, consumed::add);
        assertThat(List.of(order.claim(), order.claim(), order.claim(), order.claim(), order.claim()))
                .containsExactly(0, 1, 2, 3, -1);
        order.complete(2, "c");
        order.complete(1, "b");
        assertThat(consumed).isEmpty();
        order.complete(0, "a");
        assertThat(consumed).containsExactly("a", "b", "c");
        order.complete(3, "d");
        assertThat(consumed).containsExactly("a", "b", "c", "d");
        assertThat(order.failure()).isNull();
    }

    @Test
    void aThreadAWindowAheadWaitsUntilTheHeadIsConsumed() throws InterruptedException {
        List<Integer> consumed = Collections.synchronizedList(new ArrayList<>());
        InOrder<Integer> order = new InOrder<>(3, 2, consumed::add);
        assertThat(order.claim()).isZero();
        assertThat(order.claim()).isEqualTo(1);
        AtomicInteger claimed = new AtomicInteger(-2);
        Thread ahead = new Thread(() -> claimed.set(order.claim()));
        ahead.start();
        while (ahead.getState() != Thread.State.WAITING) {
            Thread.onSpinWait(); // it blocks in claim(): two results would be held, the window's size
        }
        order.complete(1, 1);
        assertThat(claimed.get()).as("still two results held").isEqualTo(-2);
        order.complete(0, 0);
        ahead.join();
        assertThat(claimed.get()).isEqualTo(2);
        assertThat(consumed).containsExactly(0, 1);
    }

    @Test
    void aConsumersFailureStopsTheHandingOverAndTheClaims() {
        List<String> consumed = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        InOrder<String> order = new InOrder<>(5, 8, result -> {
            if (result.equals("fail")) {
                throw boom;
            }
            consumed.add(result);
        });
        for (int i = 0; i < 3; i++) {
            order.claim();
        }
        order.complete(2, "c");
        order.complete(1, "fail");
        assertThatThrownBy(() -> order.complete(0, "a")).isSameAs(boom);
        assertThat(consumed).containsExactly("a");
        assertThat(order.failure()).isSameAs(boom);
        assertThat(order.claim()).isEqualTo(-1);
    }

    @Test
    void aStopWakesAWaitingThreadWithNothingToClaim() throws InterruptedException {
        InOrder<Integer> order = new InOrder<>(3, 1, result -> { });
        assertThat(order.claim()).isZero();
        AtomicInteger claimed = new AtomicInteger(-2);
        Thread waiting = new Thread(() -> claimed.set(order.claim()));
        waiting.start();
        while (waiting.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        RuntimeException cause = new RuntimeException("a helper died");
        order.stop(cause);
        waiting.join();
        assertThat(claimed.get()).isEqualTo(-1);
        assertThat(order.failure()).isSameAs(cause);
    }
}
