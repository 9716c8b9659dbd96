package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.it.fixture.SilentListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export lists its store once, while it reads it; the listing of a huge store (millions of files, a slow DICOMweb
 * server) takes long, so a cancel must be heeded while it goes on, and what was listed and not yet read shows in
 * {@code pending}. A store whose listing never ends and whose reads never finish stands in for one too large to build
 * here; a DICOMweb server that accepts connections and never answers is the other case.
 */
class CancelWhileListingEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void aCancelDuringAnEndlessListingEndsTheExportCancelled() throws Exception {
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
            assertThat(export.isAlive()).as("the export heeds the cancel while it is still listing").isFalse();

            JsonNode operation = cli.json("operations", "describe", started.name().toString(), "--format=json");
            assertThat(operation.get("error").get("code").asInt()).as(operation.toString()).isEqualTo(Code.CANCELLED.number());
            assertThat(cli.tableExists("my-project.exports", "never")).isFalse();
        }
    }

    @Test
    void aCancelWhileADicomWebServerNeverAnswersInterruptsTheRequestAndEndsCancelled() throws Exception {
        Path dataDir = temp.resolve("data");
        Cli cli = new Cli(dataDir);
        cli.ok("datasets", "create", "my-project.exports");
        LocalDicomStoreSources sources = new LocalDicomStoreSources(Optional.empty());
        try (SilentListener hung = new SilentListener(); ExportServices services = new ExportServices(dataDir)) {
            Operation started = services.start(sources, hung.uri() + "/dicom-web", "bq://my-project.exports.hung");
            Thread export = new Thread(() -> services.runner(sources, 2, 500).run(started.name()), "export");
            export.setDaemon(true);
            export.start();
            assertThat(SilentListener.await(() -> hung.heads().size() == 1, 30))
                    .as("the export sends its first search").isTrue();

            services.operations().requestCancel(started.name());
            // the request would otherwise wait for its 30 s timeout, then be retried four times: minutes, not seconds
            export.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(export.isAlive()).as("the cancel interrupts the blocked request").isFalse();

            JsonNode operation = cli.json("operations", "describe", started.name().toString(), "--format=json");
            assertThat(operation.get("error").get("code").asInt()).as(operation.toString()).isEqualTo(Code.CANCELLED.number());
            assertThat(hung.accepted()).as("the store is searched once: no counting pass, no retry").isEqualTo(1);
            assertThat(hung.heads().get(0)).startsWith("GET /dicom-web/studies?");
            assertThat(cli.tableExists("my-project.exports", "hung")).isFalse();
        }
    }

    /** A store whose listing goes on for ever, and whose instances take for ever to read (until interrupted). */
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
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new DicombqException(Code.CANCELLED, "the read was interrupted");
                }
            });
        }
    }
}
