package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.ExportJob;
import io.dicombq.application.port.out.WorkerId;
import io.dicombq.application.service.OperationsService;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WriteDisposition;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export whose process died is settled by what the table holds: ABORTED and unchanged until it marked itself as
 * committing (whatever its counters say: a store still being listed has nothing pending); after the mark, done if the
 * warehouse recorded its commit, ABORTED and unchanged if it recorded none, "all or none" if it cannot tell.
 */
class AbortedOperationTest {
    private static final DicomStoreName STORE = DicomStoreName.parse("projects/my-project/locations/us/datasets/hc/dicomStores/ct");
    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07Z");
    /** No process has pid 0 on a start instant of the epoch. */
    private static final WorkerId DEAD = new WorkerId("0:1970-01-01T00:00:00Z");

    @Test
    void theMessageSaysWhatTheDeadExportLeftInTheTable() {
        try (OperationDatabase database = OperationDatabase.inMemory("aborted-" + System.nanoTime())) {
            H2OperationRepository repository = new H2OperationRepository(database);
            // operation 2 committed, 4 did not, 5 is on a warehouse that keeps no record
            OperationsService operations = new OperationsService(repository, new ProcessWorkers(),
                    Clock.fixed(CREATED.plusSeconds(60), ZoneOffset.UTC), writeId -> writeId.endsWith("/5")
                    ? Optional.empty() : Optional.of(writeId.endsWith("/2")));

            String staging = message(repository, operations, "1", new OperationCounter(3, 0, 2), false);
            String listing = message(repository, operations, "3", new OperationCounter(0, 0, 0), false);
            Operation committed = settle(repository, operations, "2", new OperationCounter(5, 0, 0), true);
            String notCommitted = message(repository, operations, "4", new OperationCounter(5, 0, 0), true);
            String unknown = message(repository, operations, "5", new OperationCounter(5, 0, 0), true);

            assertThat(staging).contains("2 instance(s) still pending").contains("nothing was committed")
                    .contains("is unchanged");
            assertThat(listing).doesNotContain("pending").contains("nothing was committed").contains("is unchanged");
            assertThat(committed.done()).isTrue();
            assertThat(committed.error()).isEmpty();
            assertThat(committed.counter()).isEqualTo(new OperationCounter(5, 0, 0));
            assertThat(repository.find(committed.name()).orElseThrow().operation().error()).isEmpty();
            assertThat(notCommitted).contains("the commit did not happen").contains("is unchanged");
            assertThat(unknown).contains("while committing its 5 row(s)").contains("either all of them or none")
                    .contains("dicombq tables describe my-project.ds.t").doesNotContain("unchanged");
        }
    }

    private static String message(H2OperationRepository repository, OperationsService operations, String id,
                                  OperationCounter counter, boolean committing) {
        Operation aborted = settle(repository, operations, id, counter, committing);
        assertThat(aborted.error().orElseThrow().code()).isEqualTo(Code.ABORTED);
        return aborted.error().orElseThrow().message();
    }

    private static Operation settle(H2OperationRepository repository, OperationsService operations, String id,
                                    OperationCounter counter, boolean committing) {
        OperationName name = STORE.operation(id);
        Operation started = Operation.started(name, CREATED, "file:///l");
        ExportJob job = new ExportJob(STORE, "/data/ct", TableUri.parse("bq://my-project.ds.t"),
                DestinationOptions.of(null, WriteDisposition.WRITE_APPEND), false, Layout.FLATTENED, Optional.empty());
        repository.create(started, job, DEAD);
        repository.update(started.withCounter(counter));
        if (committing) {
            repository.markCommitting(name);
        }
        return operations.get(name);
    }
}
