package io.dicombq.adapter.out.h2.operation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/cli.md: several dicombq processes use one data directory at once (a waiting export, an async worker,
 * {@code operations describe}). Each opens the operations database, uses it and closes it; while one process that
 * serves the database (H2 AUTO_SERVER) exits, another may find the lock file being rewritten or the server gone.
 * Processes that open and close the database over and over, all at once, must never see such an error.
 */
class ConcurrentProcessesTest {
    private static final int PROCESSES = 3;
    private static final int CYCLES = 3;

    @TempDir
    Path dataDir;

    @Test
    void processesOpeningAndClosingTheDatabaseAtOnceAllSucceed() throws Exception {
        OperationDatabase.open(dataDir).close();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OpenCloseLoop.class.getName(), dataDir.toString(),
                    Integer.toString(CYCLES)).redirectErrorStream(true).start());
        }
        List<String> failures = new ArrayList<>();
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                failures.add(output);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A short-lived dicombq-like process: open, read, work a little, close, {@code cycles} times. */
    public static final class OpenCloseLoop {
        public static void main(String[] args) throws IOException {
            Path dataDir = Path.of(args[0]);
            int cycles = Integer.parseInt(args[1]);
            try {
                for (int i = 0; i < cycles; i++) {
                    try (OperationDatabase database = OperationDatabase.open(dataDir)) {
                        database.query("SELECT COUNT(*) FROM operations", rows -> rows.getLong(1));
                        Thread.sleep(200);
                        database.query("SELECT COUNT(*) FROM dicom_stores", rows -> rows.getLong(1));
                    }
                }
            } catch (RuntimeException | InterruptedException e) {
                System.out.println(e);
                System.exit(1);
            }
            System.exit(0);
        }
    }
}
