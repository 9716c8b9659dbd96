package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The load's versions start write-backs of the file a step at a time, and none once the warehouse closes them. */
class EarlyWriteBackTest {
    @TempDir
    Path dir;

    @Test
    void aLoadWritingManyStepsStartsWriteBacksAndOneWritingLessThanAStepNone() throws Exception {
        try (H2Warehouse warehouse = H2Warehouse.open(dir);
             Connection connection = warehouse.database().connection()) {
            EarlyWriteBack everyMegabyte = new EarlyWriteBack(1 << 20);
            EarlyWriteBack never = new EarlyWriteBack(Long.MAX_VALUE / 2);
            RowWriteGate gate = new RowWriteGate(warehouse.database(), true, () -> 0L, WriterLease.IN_PROCESS, everyMegabyte);
            RowWriteGate quiet = new RowWriteGate(warehouse.database(), true, () -> 0L, WriterLease.IN_PROCESS, never);
            Jdbc.execute(connection, "CREATE TABLE WIDE(V VARCHAR)");
            gate.checkpoint();

            // 200 rows of 40,000 characters: 8 MB written, in versions of about 3 MB each
            WideRows.load(gate, connection, 200);
            gate.checkpoint();
            assertThat(everyMegabyte.flushes()).isGreaterThanOrEqualTo(1);
            // none runs now (flushes() waited for it): the next 8 MB start another
            WideRows.load(gate, connection, 200);
            gate.checkpoint();
            assertThat(everyMegabyte.flushes()).isGreaterThanOrEqualTo(2);
            WideRows.load(quiet, connection, 200);
            quiet.checkpoint();
            assertThat(never.flushes()).isZero();
            gate.close();
            quiet.close();
        }
    }

    @Test
    void afterCloseNoWriteBackStarts() throws Exception {
        try (H2Warehouse warehouse = H2Warehouse.open(dir);
             Connection connection = warehouse.database().connection()) {
            EarlyWriteBack writeBack = new EarlyWriteBack(1 << 20);
            RowWriteGate gate = new RowWriteGate(warehouse.database(), true, () -> 0L, WriterLease.IN_PROCESS, writeBack);
            Jdbc.execute(connection, "CREATE TABLE WIDE(V VARCHAR)");
            gate.checkpoint();
            gate.close();

            WideRows.load(gate, connection, 200);
            gate.checkpoint();

            assertThat(writeBack.flushes()).isZero();
        }
    }
}
