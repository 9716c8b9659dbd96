package io.dicombq.adapter.out.h2;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process that reached the warehouse through another one's AUTO_SERVER and came to host it when that one exited
 * (H2's automatic reconnect opens the file in it) writes to disk when the warehouse says, as the process that opened
 * it did: the unsaved-memory threshold raised and H2's background writer stopped ({@link H2StoreTiming}).
 */
class HandOverTimingTest {
    @Test
    void aProcessThatComesToHostTheWarehouseTakesItsTimingOver(@TempDir Path dir) throws Exception {
        try (H2Warehouse first = H2Warehouse.open(dir)) {
            first.createDataset("p-project", "d");
        }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServingChild.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("SERVING");
            try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
                try (Connection remote = warehouse.database().connection()) {
                    assertThat(H2StoreTiming.hostedStore(remote)).as("served by the other process").isNull();
                }
                OutputStream in = server.getOutputStream();
                in.write('\n');
                in.flush();
                assertThat(out.readLine()).isEqualTo("CLOSED");
                assertThat(server.waitFor()).isZero();

                try (Connection handedOver = warehouse.database().connection()) {
                    assertThat(warehouse.datasetExists("p-project", "d")).isTrue();
                    MVStore store = H2StoreTiming.hostedStore(handedOver);
                    assertThat(store).as("hosted here since the other process exited").isNotNull();
                    assertThat(store.getAutoCommitMemory()).isEqualTo(H2StoreTiming.UNSAVED_LIMIT);
                    java.lang.reflect.Field writer = org.h2.mvstore.FileStore.class.getDeclaredField("backgroundWriterThread");
                    writer.setAccessible(true);
                    assertThat(((java.util.concurrent.atomic.AtomicReference<?>) writer.get(store.getFileStore())).get())
                            .as("H2's background writer is stopped").isNull();
                }
            }
        } finally {
            server.destroyForcibly();
        }
    }

    /** Opens the warehouse (so it serves it), says SERVING, closes it when a line comes in, says CLOSED. */
    public static final class ServingChild {
        public static void main(String[] args) throws Exception {
            try (H2Warehouse warehouse = H2Warehouse.open(Path.of(args[0]))) {
                warehouse.datasetExists("p-project", "d");
                System.out.println("SERVING");
                System.out.flush();
                System.in.read();
            }
            System.out.println("CLOSED");
            System.out.flush();
        }
    }
}
