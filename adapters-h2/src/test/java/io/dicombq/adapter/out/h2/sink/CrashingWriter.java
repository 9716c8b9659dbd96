package io.dicombq.adapter.out.h2.sink;

import io.dicombq.adapter.out.h2.CtRows;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}: overwrites the table with staged rows, says so on stdout,
 * then waits to be killed before it can commit.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        H2Warehouse warehouse = H2Warehouse.open(Path.of(args[0]));
        TableUri table = new TableUri(args[1], args[2], args[3]);
        StagedWrite write = warehouse.tableSink().begin(table, WritePlan.OVERWRITE);
        for (int batch = 0; batch < 5; batch++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                rows.add(CtRows.instance(9, batch, 1, i));
            }
            write.write(CtRows.schema(), rows);
        }
        System.out.println("STAGED");
        System.out.flush();
        Thread.sleep(120_000);
        write.commit(CtRows.schema());
    }
}
