package io.dicombq.adapter.in.cli;

import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.operation.OperationName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Operation RUNNING = Operation.started(OperationName.parse("projects/my-project/locations/l/datasets/d/operations/1"),
            START, "file:///l");

    @Test
    void saysDoneFailedPendingRateAndElapsed() {
        assertThat(ProgressLine.format(new OperationCounter(1200, 3, 797), Duration.ofSeconds(65)))
                .isEqualTo("1200 instances done, 3 failed, 797 pending, 19 instances/s, 1:05 elapsed");
    }

    @Test
    void withoutATerminalPrintsAPlainLineAtMostOncePerSecondAndAlwaysTheLast() {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text), false, START);

        line.show(RUNNING, START.plusMillis(100));
        line.show(RUNNING.withCounter(new OperationCounter(1, 0, 9)), START.plusMillis(200));
        line.show(RUNNING.withCounter(new OperationCounter(2, 0, 8)), START.plusMillis(700));
        line.show(RUNNING.withCounter(new OperationCounter(5, 0, 5)), START.plusMillis(1300));
        line.show(RUNNING.withCounter(new OperationCounter(10, 0, 0)).succeededAt(START.plusMillis(1400)), START.plusMillis(1400));

        assertThat(text.toString().lines()).containsExactly(
                "1 instances done, 0 failed, 9 pending, 5 instances/s, 0:00 elapsed",
                "5 instances done, 0 failed, 5 pending, 4 instances/s, 0:01 elapsed",
                "10 instances done, 0 failed, 0 pending, 7 instances/s, 0:01 elapsed");
    }

    @Test
    void onATerminalRewritesOneLine() {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text), true, START);

        line.show(RUNNING.withCounter(new OperationCounter(10, 0, 90)), START.plusSeconds(1));
        line.show(RUNNING.withCounter(new OperationCounter(100, 0, 0)), START.plusSeconds(2));
        line.finish();

        assertThat(text.toString()).startsWith("\r10 instances done").contains("\r100 instances done").endsWith("\n");
        assertThat(text.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }
}
