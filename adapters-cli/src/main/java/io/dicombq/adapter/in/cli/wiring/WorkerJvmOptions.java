package io.dicombq.adapter.in.cli.wiring;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM options an {@code --async} export worker inherits from the command that launched it: heap and stack sizes,
 * {@code -XX} tuning (the launcher's export options, a user's {@code DICOMBQ_JAVA_OPTS}) and system properties, so the
 * export runs as it would in the foreground. Options that write a file or hold a port of their own (class-data
 * archives, flight recordings, debuggers, agents) stay with the launching process.
 */
final class WorkerJvmOptions {
    private static final List<String> KEPT_PREFIXES = List.of("-Xmx", "-Xms", "-Xmn", "-Xss", "-XX:", "-D");
    private static final List<String> LAUNCHER_ONLY = List.of(
            "-XX:ArchiveClassesAtExit", "-XX:SharedArchiveFile", "-XX:StartFlightRecording", "-XX:FlightRecorderOptions");

    private WorkerJvmOptions() {
    }

    static List<String> ofThisProcess() {
        return inherited(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static List<String> inherited(List<String> inputArguments) {
        return inputArguments.stream()
                .filter(option -> KEPT_PREFIXES.stream().anyMatch(option::startsWith))
                .filter(option -> LAUNCHER_ONLY.stream().noneMatch(option::startsWith))
                .toList();
    }
}
