package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.WorkerId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        long pid = ProcessHandle.current().pid();
        assertThat(workers.isAlive(new WorkerId(pid + ":1970-01-01T00:00:00Z"))).isFalse();
        assertThat(workers.isAlive(new WorkerId(pid + ":" + start() + "/1"))).isFalse();
        assertThat(workers.isAlive(new WorkerId("garbage"))).isFalse();
    }

    /**
     * Another JVM may compute another start instant for the same process (the JDK adds the boot time it read once, in
     * whole seconds, and that moves while the clock is adjusted): the ticks after boot decide.
     */
    @Test
    void theSameProcessNamedWithAStartInstantFromAnotherBootTimeIsStillAlive() {
        long pid = ProcessHandle.current().pid();
        assumeTrue(ProcessWorkers.startTicks(pid).isPresent(), "this system has /proc");
        long ticks = ProcessWorkers.startTicks(pid).getAsLong();
        Instant oneSecondOff = ProcessHandle.current().info().startInstant().orElseThrow().plusSeconds(1);

        assertThat(workers.current().value()).isEqualTo(pid + ":" + start() + "/" + ticks);
        assertThat(workers.isAlive(new WorkerId(pid + ":" + oneSecondOff + "/" + ticks))).isTrue();
    }

    @Test
    void aNameRecordedWithoutTicksIsComparedByItsInstant() {
        long pid = ProcessHandle.current().pid();
        assertThat(workers.isAlive(new WorkerId(pid + ":" + start()))).isTrue();
    }

    private static String start() {
        return ProcessHandle.current().info().startInstant().orElseThrow().toString();
    }
}
