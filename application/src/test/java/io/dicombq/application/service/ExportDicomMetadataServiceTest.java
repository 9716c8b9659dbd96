package io.dicombq.application.service;

import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.port.out.DicomStoreDefinition;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synchronous half of an export: its checks come before anything exists, then one operation is stored and launched. */
class ExportDicomMetadataServiceTest {
    private final ExportFixture fixture = new ExportFixture();

    @Test
    void storesARunningOperationWithItsJobAndLaunchesItOnce() {
        Operation started = fixture.exportService().export(ExportFixture.request(Optional.empty()));

        assertThat(started.done()).isFalse();
        assertThat(started.counter()).isEqualTo(OperationCounter.zero());
        assertThat(started.name().toString()).startsWith("projects/my-project/locations/us/datasets/d/operations/");
        assertThat(fixture.launched).containsExactly(started.name());
        var stored = fixture.operations.find(started.name()).orElseThrow();
        assertThat(stored.job().storeSource()).isEqualTo(InMemoryStore.SOURCE);
        assertThat(stored.job().table().toString()).isEqualTo(ExportFixture.TABLE);
        assertThat(stored.owner()).isEqualTo(fixture.workers.current());
        assertThat(stored.operation().metadata().logsUrl()).contains(started.name().toString());
    }

    @Test
    void aRegisteredStoreIsExportedFromItsSource() {
        fixture.registered.put(ExportFixture.STORE, new DicomStoreDefinition(ExportFixture.STORE, "/data/store", Instant.EPOCH));

        Operation started = fixture.exportService().export(new ExportRequest(
                new ExportRequest.RegisteredStore(ExportFixture.STORE), ExportFixture.TABLE, DestinationOptions.none(),
                false, Layout.FLATTENED, Optional.empty()));

        assertThat(fixture.operations.find(started.name()).orElseThrow().job().storeSource()).isEqualTo("/data/store");
    }

    @Test
    void anUnknownRegisteredStoreIsNotFoundAndNothingStarts() {
        assertRefused(new ExportRequest(new ExportRequest.RegisteredStore(ExportFixture.STORE), ExportFixture.TABLE,
                DestinationOptions.none(), false, Layout.FLATTENED, Optional.empty()), Code.NOT_FOUND, "dicom-stores create");
    }

    @Test
    void aMissingDatasetIsNotFoundAndNothingStarts() {
        fixture.sink.withoutDataset();
        assertRefused(ExportFixture.request(Optional.empty()), Code.NOT_FOUND, "datasets create my-project.ds");
    }

    @Test
    void anUnreadableFilterFileIsRefusedBeforeAnythingStarts() {
        assertRefused(ExportFixture.request(Optional.of("file:///missing.txt")), Code.INVALID_ARGUMENT, "missing.txt");
    }

    @Test
    void aBadFilterLineIsRefusedWithItsNumber() {
        fixture.filterFiles.put("file:///f.txt", "/studies/1.2\nnot a path\n");
        assertRefused(ExportFixture.request(Optional.of("file:///f.txt")), Code.INVALID_ARGUMENT, "2");
    }

    @Test
    void aBadTableUriIsRefused() {
        assertRefused(new ExportRequest(new ExportRequest.AdHocStore(ExportFixture.STORE, InMemoryStore.SOURCE),
                "bq://no-dataset", DestinationOptions.none(), false, Layout.FLATTENED, Optional.empty()),
                Code.INVALID_ARGUMENT, "bq://no-dataset");
    }

    private void assertRefused(ExportRequest request, Code code, String mentions) {
        assertThatThrownBy(() -> fixture.exportService().export(request))
                .isInstanceOfSatisfying(DicombqException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(code);
                    assertThat(e.error().message()).contains(mentions);
                });
        assertThat(fixture.launched).isEmpty();
        assertThat(fixture.operations.list("my-project", "us", "d")).isEmpty();
    }
}
