package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export lists its store twice: once to count (so {@code pending} is known), then to export. The first listing of a
 * huge store (millions of files, a slow DICOMweb server) takes long, so a cancel must be heeded there too, and the
 * count so far shows in {@code pending}. A store whose listing never ends stands in for one too large to build here.
 */
class CancelWhileListingEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void aCancelDuringTheCountingListingEndsTheExportCancelled() throws Exception {
        Path dataDir = temp.resolve("data");
        Cli cli = new Cli(dataDir);
        cli.ok("datasets", "create", "my-project.exports");
        DicomStoreSources endless = new EndlessStoreSources();

        try (ExportServices services = new ExportServices(dataDir)) {
            Operation started = services.start(endless, "endless", "bq://my-project.exports.never");
            Thread export = new Thread(() -> services.runner(endless, 2, 500).run(started.name()), "export");
            export.setDaemon(true);
            export.start();

            OperationCounter counter = new OperationCounter(0, 0, 0);
            for (int i = 0; i < 600 && counter.pending() == 0; i++) {
                TimeUnit.MILLISECONDS.sleep(50);
                counter = services.operations().find(started.name()).orElseThrow().operation().counter();
            }
            assertThat(counter.pending()).as("the count so far is published while listing").isPositive();
            services.operations().requestCancel(started.name());
            export.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(export.isAlive()).as("the export heeds the cancel while it is still counting").isFalse();

            JsonNode operation = cli.json("operations", "describe", started.name().toString(), "--format=json");
            assertThat(operation.get("error").get("code").asInt()).as(operation.toString()).isEqualTo(Code.CANCELLED.number());
            assertThat(cli.tableExists("my-project.exports", "never")).isFalse();
        }
    }

    /** A store whose listing goes on for ever; reading one of its instances is never reached. */
    private static final class EndlessStoreSources implements DicomStoreSources {
        @Override
        public void check(String source) {
        }

        @Override
        public DicomStore open(String source) {
            return selector -> Stream.generate(() -> new InstanceHandle() {
                @Override
                public String resourceName() {
                    return "endless/instance";
                }

                @Override
                public DicomInstance read() {
                    throw new DicombqException(Code.INTERNAL, "the endless store has no instance to read");
                }
            });
        }
    }
}
