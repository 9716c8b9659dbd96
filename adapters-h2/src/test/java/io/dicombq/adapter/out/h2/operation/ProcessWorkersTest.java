package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.WorkerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessWorkersTest {
    private final ProcessWorkers workers = new ProcessWorkers();

    @Test
    void thisProcessIsAlive() {
        assertThat(workers.isAlive(workers.current())).isTrue();
    }

    @Test
    void aKilledProcessIsNotAliveAnyMore() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        WorkerId worker = ProcessWorkers.of(child.toHandle());
        assertThat(workers.isAlive(worker)).isTrue();

        child.destroyForcibly().waitFor();

        assertThat(workers.isAlive(worker)).isFalse();
    }

    @Test
    void aRecycledPidWithAnotherStartTimeIsNotTheSameWorker() {
        WorkerId samePidOtherStart = new WorkerId(ProcessHandle.current().pid() + ":1970-01-01T00:00:00Z");
        assertThat(workers.isAlive(samePidOtherStart)).isFalse();
        assertThat(workers.isAlive(new WorkerId("garbage"))).isFalse();
    }
}
