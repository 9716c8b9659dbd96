package io.dicombq.domain.operation;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationTest {
    private static final OperationName NAME = OperationName.parse("projects/p-1234/locations/us/datasets/d/operations/42");
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-25T10:01:00Z");

    @Test
    void aCancelledOrFailedOperationHasNothingPendingAnyMore() {
        Operation running = Operation.started(NAME, START, "file:///log").withCounter(new OperationCounter(5, 1, 7));

        Operation cancelled = running.failedAt(END, RpcError.of(Code.CANCELLED, "Operation cancelled"));

        assertThat(cancelled.counter()).isEqualTo(new OperationCounter(5, 1, 0));
        assertThat(cancelled.done()).isTrue();
        assertThat(cancelled.metadata().endTime()).contains(END);
    }

    @Test
    void aSucceededOperationKeepsItsCounts() {
        Operation done = Operation.started(NAME, START, "file:///log").withCounter(new OperationCounter(9, 2, 0)).succeededAt(END);

        assertThat(done.succeeded()).isTrue();
        assertThat(done.counter()).isEqualTo(new OperationCounter(9, 2, 0));
    }

    @Test
    void aRunningOperationCannotCarryAnError() {
        Operation running = Operation.started(NAME, START, "file:///log");

        assertThatThrownBy(() -> new Operation(NAME, false, java.util.Optional.of(RpcError.of(Code.INTERNAL, "x")), running.metadata()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
