package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.sql.H2QueryEngine;
import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** specification 1.3: dicombq's own grants decide where no real IAM exists; real BigQuery's IAM decides by itself. */
class CrossProjectAccessWiringTest {
    private static final Path CT_SMALL = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");

    @TempDir
    Path temp;

    @Test
    void withoutOwnIamAnUngrantedCrossProjectExportIsDenied() throws Exception {
        Operation done = exportIntoOtherProject(false);

        assertThat(done.error()).map(RpcError::code).contains(Code.PERMISSION_DENIED);
        assertThat(done.error().orElseThrow().message()).contains("datasets add-iam-policy-binding other-project.dest");
    }

    @Test
    void aWarehouseWithItsOwnIamIsTrustedToDecide() throws Exception {
        Operation done = exportIntoOtherProject(true);

        assertThat(done.error()).isEmpty();
        assertThat(done.counter().success()).isEqualTo(1);
    }

    private Operation exportIntoOtherProject(boolean enforcesOwnIam) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("store"));
        Files.copy(CT_SMALL, folder.resolve("ct.dcm"));
        H2Warehouse h2 = H2Warehouse.inMemory("access-" + enforcesOwnIam + "-" + System.nanoTime());
        h2.createDataset("other-project", "dest");
        Warehouse warehouse = new Warehouse("test warehouse", h2.tableSink(), new H2QueryEngine(h2),
                new H2WarehouseCatalog(h2), enforcesOwnIam, h2);
        try (DicombqRuntime runtime = new DicombqRuntime(temp.resolve("data"), () -> warehouse,
                new LocalDicomStoreSources(Optional.empty()), Clock.systemUTC())) {
            DicomStoreName store = new DicomStoreName("store-project", "local", "ds", "adhoc");
            Operation started = runtime.export(false).export(new ExportRequest(
                    new ExportRequest.AdHocStore(store, folder.toString()), "bq://other-project.dest.table",
                    DestinationOptions.none(), false, Layout.FLATTENED, Optional.empty()));
            for (int i = 0; i < 600; i++) {
                Operation now = runtime.operations().get(started.name());
                if (now.done()) {
                    return now;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("export did not finish in 30 s: " + runtime.operations().get(started.name()));
        }
    }
}
