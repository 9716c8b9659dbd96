package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.WorkerId;
import io.dicombq.application.port.out.Workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Workers are operating-system processes, named {@code PID:START/TICKS}: the start instant is for people, and the
 * start in clock ticks after boot ({@code /proc/PID/stat} field 22, proc(5)) tells a recycled pid apart. A worker is
 * alive while a process with that pid and start runs on this machine.
 * <p>
 * The instant alone cannot be compared between processes on Linux: the JDK derives it from the boot time each JVM
 * reads once, in whole seconds, from {@code /proc/stat}'s btime, which moves while the clock is being adjusted (a
 * freshly booted machine). A worker started after such a move was seen dead by the process that launched it, and its
 * live export reported ABORTED. Where there is no {@code /proc} (macOS, whose kernel keeps the start instant itself),
 * the instant is the identity.
 */
public final class ProcessWorkers implements Workers {
    private static final char TICKS = '/';

    @Override
    public WorkerId current() {
        return of(ProcessHandle.current());
    }

    /** The worker name of any process, e.g. a worker this process just spawned. */
    public static WorkerId of(ProcessHandle process) {
        OptionalLong ticks = startTicks(process.pid());
        return new WorkerId(process.pid() + ":" + startInstant(process)
                + (ticks.isPresent() ? TICKS + Long.toString(ticks.getAsLong()) : ""));
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
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        int slash = value.lastIndexOf(TICKS);
        OptionalLong ticks = startTicks(pid);
        if (slash > colon && ticks.isPresent()) {
            return value.substring(slash + 1).equals(Long.toString(ticks.getAsLong()));
        }
        // A name recorded without ticks (another system, or before they were recorded): the instant decides.
        String recordedStart = slash > colon ? value.substring(colon + 1, slash) : value.substring(colon + 1);
        return recordedStart.equals(startInstant(process.get()));
    }

    /** The start instant as the JDK gives it, for people; "?" where the system does not tell. */
    private static String startInstant(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("?");
    }

    /** When the process started, in clock ticks after boot; empty without a readable {@code /proc/PID/stat}. */
    static OptionalLong startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Field 2 is the command in parentheses and may hold spaces and ')': fields 3.. follow the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalLong.of(Long.parseLong(fields[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
