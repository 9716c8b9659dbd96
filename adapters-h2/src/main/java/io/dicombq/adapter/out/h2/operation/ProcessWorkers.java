package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.WorkerId;
import io.dicombq.application.port.out.Workers;

import java.time.Instant;
import java.util.Optional;

/**
 * Workers are operating-system processes, named {@code pid:START} (the start instant guards against a recycled
 * pid); a worker is alive while a process with that pid and start instant runs on this machine.
 */
public final class ProcessWorkers implements Workers {

    @Override
    public WorkerId current() {
        return of(ProcessHandle.current());
    }

    /** The worker name of any process, e.g. a worker this process just spawned. */
    public static WorkerId of(ProcessHandle process) {
        String start = process.info().startInstant().map(Instant::toString).orElse("?");
        return new WorkerId(process.pid() + ":" + start);
    }

    @Override
    public boolean isAlive(WorkerId worker) {
        String value = worker.value();
        int colon = value.indexOf(':');
        if (colon < 0) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(value.substring(0, colon));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive() && of(process.get()).equals(worker);
    }
}
