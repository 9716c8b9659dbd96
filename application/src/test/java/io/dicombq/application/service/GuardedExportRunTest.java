package io.dicombq.application.service;

import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.dicombq.application.service.RunExportServiceTest.varied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export whose runner cannot even be built (the warehouse fails to open, an Error while wiring) or that throws past
 * its own handling still ends: INTERNAL with a log line, so a waiting CLI or poller sees it done (issue 19: the launcher
 * used to lose such a failure on its thread and leave the operation running forever).
 */
class GuardedExportRunTest {
    private final ExportFixture fixture = new ExportFixture();
    private final CapturedLog log = new CapturedLog(GuardedExportRun.class);

    @BeforeEach
    void captureTheLog() {
        log.start();
    }

    @AfterEach
    void releaseTheLog() {
        log.stop();
    }

    @Test
    void anErrorWhileBuildingTheRunnerEndsTheOperationInternal() {
        Operation ended = runGuarded(() -> {
            throw new OutOfMemoryError("opening the warehouse");
        });

        assertInternal(ended, "OutOfMemoryError", "opening the warehouse");
    }

    @Test
    void anExceptionThatEscapesTheRunnerEndsTheOperationInternal() {
        Operation ended = runGuarded(() -> name -> {
            throw new IllegalStateException("wiring bug");
        });

        assertInternal(ended, "IllegalStateException", "wiring bug");
    }

    @Test
    void anOperationTheRunnerAlreadyEndedKeepsItsOutcome() {
        fixture.store.add(varied(0));
        Operation ended = runGuarded(() -> name -> {
            fixture.runService(1, 10).run(name);
            throw new IllegalStateException("after the end");
        });

        assertThat(ended.done()).isTrue();
        assertThat(ended.error()).isEmpty();
        assertThat(ended.counter().success()).isEqualTo(1);
    }

    @Test
    void aRunnerThatSucceedsIsLeftAlone() {
        fixture.store.add(varied(0));
        Operation ended = runGuarded(() -> fixture.runService(1, 10));

        assertThat(ended.error()).isEmpty();
        assertThat(ended.counter().success()).isEqualTo(1);
        assertThat(log.records()).isEmpty();
    }

    private Operation runGuarded(java.util.function.Supplier<RunExportUseCase> runner) {
        Operation started = fixture.exportService().export(ExportFixture.request(Optional.empty()));
        assertThat(started.done()).isFalse();
        new GuardedExportRun(runner, fixture.operations, fixture.clock).run(started.name());
        return fixture.operations.operation(started.name());
    }

    private void assertInternal(Operation operation, String errorClass, String message) {
        OperationName name = operation.name();
        assertThat(operation.done()).isTrue();
        assertThat(operation.error()).map(RpcError::code).contains(Code.INTERNAL);
        assertThat(operation.error()).map(RpcError::message).hasValueSatisfying(text ->
                assertThat(text).contains(errorClass).contains(message).contains("destination table is unchanged"));
        assertThat(log.records()).anySatisfy(record -> {
            assertThat(record.getMessage()).contains(name.toString());
            assertThat(record.getThrown()).hasMessage(message);
        });
    }
}
