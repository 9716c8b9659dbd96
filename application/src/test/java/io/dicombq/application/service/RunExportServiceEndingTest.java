package io.dicombq.application.service;

import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.dicombq.application.service.RunExportServiceTest.varied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an export ends when it does not succeed: a cancel at each stage of the pass ends it CANCELLED, and any Throwable
 * (an Error too) ends it INTERNAL with a log line. Either way the operation is done when {@code run} returns, nothing
 * is committed, the staged write is aborted, and no thread or listing of the pass is left behind.
 */
class RunExportServiceEndingTest {
    private static final int INSTANCES = 6;

    private final ExportFixture fixture = new ExportFixture();
    private final AtomicReference<OperationName> running = new AtomicReference<>();
    private final CapturedLog log = new CapturedLog(RunExportService.class);

    @BeforeEach
    void captureTheLog() {
        log.start();
    }

    @AfterEach
    void releaseTheLog() {
        log.stop();
    }

    @Test
    void aCancelWhileTheStoreIsListedEndsCancelled() {
        fillStore();
        fixture.store.onList((listing, index) -> {
            if (listing == 1 && index == 2) {
                cancel();
            }
        });
        assertCancelled(run(2, 2));
    }

    @Test
    void aCancelWhileInstancesAreReadEndsCancelled() {
        for (int i = 0; i < INSTANCES; i++) {
            int n = i;
            fixture.store.add("/store/" + i + ".dcm", () -> {
                if (n == 3) {
                    cancel();
                }
                return varied(n);
            });
        }
        assertCancelled(run(2, 2));
    }

    @Test
    void aCancelWhileBatchesAreWrittenEndsCancelled() {
        fillStore();
        fixture.sink.onWrite(rows -> cancel());
        assertCancelled(run(1, 1));
        assertThat(fixture.sink.writes().get(0).staged()).hasSizeLessThan(INSTANCES);
    }

    @Test
    void aCancelDuringTheLastWriteBeforeTheCommitEndsCancelled() {
        fillStore();
        fixture.sink.onWrite(rows -> cancel());
        assertCancelled(run(2, 1000));
        assertThat(fixture.sink.writes().get(0).staged()).hasSize(INSTANCES);
    }

    @Test
    void anOutOfMemoryErrorInAReaderEndsTheExportInternal() {
        failingRead(new OutOfMemoryError("Java heap space"));
        assertInternal(run(2, 2), "OutOfMemoryError", "Java heap space");
    }

    @Test
    void aStackOverflowErrorInAReaderEndsTheExportInternal() {
        failingRead(new StackOverflowError("nested sequences"));
        assertInternal(run(2, 2), "StackOverflowError", "nested sequences");
    }

    @Test
    void anErrorWhileTheStoreIsListedForThePassEndsTheExportInternal() {
        fillStore();
        fixture.store.onList((listing, index) -> {
            if (listing == 1 && index == 4) {
                throw new OutOfMemoryError("listing");
            }
        });
        assertInternal(run(2, 2), "OutOfMemoryError", "listing");
    }

    @Test
    void anErrorInTheWarehouseWriteEndsTheExportInternal() {
        fillStore();
        fixture.sink.onWrite(rows -> {
            throw new OutOfMemoryError("staging");
        });
        assertInternal(run(2, 2), "OutOfMemoryError", "staging");
    }

    @Test
    void aWarehouseFailureWrappingAnotherNamesItsRootCause() {
        fillStore();
        fixture.sink.onWrite(rows -> {
            throw new IllegalStateException("Writing to the file failed",
                    new java.io.UncheckedIOException(new java.io.IOException("No space left on device")));
        });
        assertInternal(run(2, 2), "IllegalStateException", "Writing to the file failed");
        assertThat(fixture.operations.operation(running.get()).error()).map(RpcError::message).hasValueSatisfying(
                text -> assertThat(text).contains("(caused by java.io.IOException: No space left on device)"));
    }

    private void fillStore() {
        for (int i = 0; i < INSTANCES; i++) {
            fixture.store.add(varied(i));
        }
    }

    private void failingRead(Error error) {
        for (int i = 0; i < INSTANCES; i++) {
            int n = i;
            fixture.store.add("/store/" + i + ".dcm", () -> {
                if (n == 2) {
                    throw error;
                }
                return varied(n);
            });
        }
    }

    private void cancel() {
        fixture.operations.requestCancel(running.get());
    }

    private Operation run(int parallelism, int batchSize) {
        Operation started = fixture.exportService().export(ExportFixture.request(java.util.Optional.empty()));
        running.set(started.name());
        fixture.runService(parallelism, batchSize).run(started.name());
        return fixture.operations.operation(started.name());
    }

    private void assertCancelled(Operation operation) {
        assertThat(operation.done()).isTrue();
        assertThat(operation.error()).map(RpcError::code).contains(Code.CANCELLED);
        assertNothingLeft();
    }

    private void assertInternal(Operation operation, String errorClass, String message) {
        assertThat(operation.done()).isTrue();
        assertThat(operation.error()).map(RpcError::code).contains(Code.INTERNAL);
        assertThat(operation.error()).map(RpcError::message).hasValueSatisfying(text ->
                assertThat(text).contains(errorClass).contains(message).contains("destination table is unchanged"));
        assertThat(log.records()).anySatisfy(record -> {
            assertThat(record.getMessage()).contains(operation.name().toString());
            assertThat(record.getThrown()).hasMessage(message);
        });
        assertNothingLeft();
    }

    private void assertNothingLeft() {
        assertThat(fixture.sink.committedSchema()).isEmpty();
        assertThat(fixture.sink.writes()).isNotEmpty().allSatisfy(write -> {
            assertThat(write.aborted()).isTrue();
            assertThat(write.committed()).isFalse();
        });
        assertThat(fixture.store.streamsClosed()).isEqualTo(fixture.store.streamsOpened());
        assertThat(Thread.getAllStackTraces().keySet()).noneSatisfy(thread ->
                assertThat(thread.getName()).startsWith("dicombq-export-"));
    }
}
