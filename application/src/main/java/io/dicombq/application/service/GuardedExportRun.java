package io.dicombq.application.service;

import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationName;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Runs an export whose runner is built when the export starts (the warehouse opened, the sources wired). Whatever is
 * thrown while building or running it, an Error too, ends a still running operation INTERNAL with a log line, as
 * {@link RunExportService} ends its own failures: no poller waits for an operation that no thread runs any more.
 */
public final class GuardedExportRun implements RunExportUseCase {
    private static final System.Logger LOG = System.getLogger(GuardedExportRun.class.getName());

    private final Supplier<? extends RunExportUseCase> runner;
    private final OperationRepository operations;
    private final Clock clock;

    public GuardedExportRun(Supplier<? extends RunExportUseCase> runner, OperationRepository operations, Clock clock) {
        this.runner = runner;
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    public void run(OperationName name) {
        try {
            runner.get().run(name);
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "export " + name + " failed unexpectedly", e);
            end(name, e);
        }
    }

    private void end(OperationName name, Throwable cause) {
        try {
            Operation running = operations.find(name).map(OperationRepository.StoredOperation::operation)
                    .filter(operation -> !operation.done()).orElse(null);
            if (running != null) {
                operations.update(running.failedAt(clock.instant(), RunExportService.unexpected(cause)));
            }
        } catch (Throwable e) {
            // the next process reports it ABORTED once this one is gone (specification 5)
            LOG.log(System.Logger.Level.ERROR, "export " + name + " could not be ended INTERNAL", e);
        }
    }
}
