package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.domain.destination.TableUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A second dicombq process (say a CLI query while serve runs) uses the warehouse another process has open. */
class TwoProcessesTest {

    @Test
    void aSecondProcessQueriesTheOpenWarehouse(@TempDir Path dir) throws Exception {
        TableUri table = new TableUri("two-processes", "ds", "ct");
        try (H2Warehouse first = H2Warehouse.open(dir)) {
            first.createDataset(table.project(), table.dataset());
            first.createTable(table, CtRows.schema());
            first.insertRows(table, List.of(CtRows.instance(1, 1, 1, 1), CtRows.instance(1, 1, 1, 2)));

            String output = runChild(dir, "SELECT COUNT(*) AS n FROM ds.ct");

            assertThat(output).contains("COUNT=2");
            first.insertRows(table, List.of(CtRows.instance(1, 1, 1, 3)));
            assertThat(first.rowCount(table)).isEqualTo(3);
        }
    }

    private static String runChild(Path dir, String sql) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SecondProcessQuery.class.getName(), dir.toString(), sql)
                .redirectErrorStream(true).start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            child.destroyForcibly();
        }
    }
}
