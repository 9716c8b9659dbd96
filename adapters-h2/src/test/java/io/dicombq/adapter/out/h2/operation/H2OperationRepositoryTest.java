package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.ExportJob;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.application.port.out.OperationRepository.StoredOperation;
import io.dicombq.application.port.out.WorkerId;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WriteDisposition;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2OperationRepositoryTest {
    private static final DicomStoreName STORE = DicomStoreName.parse("projects/my-project/locations/us/datasets/hc/dicomStores/ct");
    private static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.5Z");

    @TempDir
    Path dataDir;

    private OperationDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private H2OperationRepository repository() {
        database = OperationDatabase.open(dataDir);
        return new H2OperationRepository(database);
    }

    private static ExportJob job(Optional<String> filter) {
        return new ExportJob(STORE, "/data/ct", TableUri.parse("bq://my-project.ds.t"),
                DestinationOptions.of(null, WriteDisposition.WRITE_APPEND), true, Layout.JSON, filter);
    }

    @Test
    void anOperationAndItsJobSurviveReopeningTheDatabase() {
        OperationName name = STORE.operation("101");
        repository().create(Operation.started(name, CREATED, "file:///x/101.jsonl"), job(Optional.of("file:///f.txt")), new WorkerId("7:t"));
        database.close();

        StoredOperation stored = repository().find(name).orElseThrow();

        assertThat(stored.operation()).isEqualTo(Operation.started(name, CREATED, "file:///x/101.jsonl"));
        assertThat(stored.job()).isEqualTo(job(Optional.of("file:///f.txt")));
        assertThat(stored.owner()).isEqualTo(new WorkerId("7:t"));
    }

    @Test
    void updatesCountersAndTheResultButNeverTheCancelFlagOrAFinishedOperation() {
        H2OperationRepository repository = repository();
        OperationName name = STORE.operation("102");
        Operation started = Operation.started(name, CREATED, "file:///l");
        repository.create(started, job(Optional.empty()), new WorkerId("1:t"));

        repository.requestCancel(name);
        repository.update(started.withCounter(new OperationCounter(5, 1, 4)));
        Operation cancelled = started.withCounter(new OperationCounter(5, 1, 4)).failedAt(CREATED.plusSeconds(3),
                RpcError.of(Code.CANCELLED, "cancelled"));
        repository.update(cancelled);
        repository.update(started.succeededAt(CREATED.plusSeconds(9)));

        Operation stored = repository.find(name).orElseThrow().operation();
        assertThat(stored.metadata().cancelRequested()).isTrue();
        assertThat(stored.counter()).isEqualTo(new OperationCounter(5, 1, 0));
        assertThat(stored.error()).contains(RpcError.of(Code.CANCELLED, "cancelled"));
        assertThat(stored.metadata().endTime()).contains(CREATED.plusSeconds(3));
        assertThat(repository.requestCancel(name).orElseThrow().done()).isTrue();
    }

    @Test
    void listsADatasetsOperationsNewestFirstAndRefusesADuplicateName() {
        H2OperationRepository repository = repository();
        for (String id : new String[] {"1", "2", "3"}) {
            repository.create(Operation.started(STORE.operation(id), CREATED, "file:///l"), job(Optional.empty()), new WorkerId("1:t"));
        }

        assertThat(repository.list("my-project", "us", "hc")).extracting(s -> s.operation().name().id()).containsExactly("3", "2", "1");
        assertThat(repository.list("my-project", "us", "other")).isEmpty();
        assertThatThrownBy(() -> repository.create(Operation.started(STORE.operation("2"), CREATED, "file:///l"),
                job(Optional.empty()), new WorkerId("1:t")))
                .isInstanceOf(DicombqException.class).hasMessageContaining("already exists");
    }
}
