package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warehouse's file takes a load's versions past the page cache: after 16 MB of wide rows, little of the file is
 * resident (util-linux's fincore counts the cached pages), and the rows read back whole.
 */
class UncachedWarehouseFileTest {
    @TempDir
    Path dir;

    @Test
    void aLoadLeavesLittleOfTheFileInThePageCacheAndReadsBack() throws Exception {
        Path file = H2Database.fileIn(dir);
        try (H2Warehouse warehouse = H2Warehouse.open(dir);
             Connection connection = warehouse.database().connection()) {
            RowWriteGate gate = new RowWriteGate(warehouse.database(), true, () -> 0L, WriterLease.IN_PROCESS);
            Jdbc.execute(connection, "CREATE TABLE WIDE(V VARCHAR)");
            gate.checkpoint();
            WideRows.load(gate, connection, 400);
            gate.checkpoint();
            gate.close();

            long size = Files.size(file);
            assertThat(size).isGreaterThan(12L << 20);
            // with every write through the page cache, all of the file was resident here (checked by opening it plainly)
            assertThat(residentBytes(file)).isLessThan(size / 4);
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT COUNT(*), MIN(V) = MAX(V), MIN(LENGTH(V)) FROM WIDE")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(400);
                assertThat(rows.getBoolean(2)).isTrue();
                assertThat(rows.getInt(3)).isEqualTo(WideRows.BASE64_BLOCK.length());
            }
        }
    }

    private static long residentBytes(Path file) throws IOException, InterruptedException {
        Process fincore = new ProcessBuilder("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(fincore.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(fincore.waitFor(5, TimeUnit.MINUTES)).as("fincore ended").isTrue();
        assertThat(fincore.exitValue()).as(out).isZero();
        return Long.parseLong(out);
    }
}
