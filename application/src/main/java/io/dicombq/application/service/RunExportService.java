package io.dicombq.application.service;

import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.out.DestinationAccessPolicy;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.port.out.ExportJob;
import io.dicombq.application.port.out.FilterFileSource;
import io.dicombq.application.port.out.OperationLog;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.application.port.out.OperationRepository.StoredOperation;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.application.port.out.Workers;
import io.dicombq.domain.destination.DestinationDecision;
import io.dicombq.domain.destination.ExportDestinationRules;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.flatten.LegacyTables;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RootCause;
import io.dicombq.domain.status.RpcError;

import java.time.Clock;
import java.util.Optional;

/**
 * Runs an export operation to its end: access check (specification 1.3), the destination decision on the table's state
 * at start (1.2), the streaming pass, and one commit. Every outcome ends the operation: success, the destination
 * or permission error, CANCELLED, INTERNAL for anything else (an Error too, with a log line); the destination
 * changes only on success.
 */
public final class RunExportService implements RunExportUseCase {
    private static final long PUBLISH_INTERVAL_MILLIS = 250;
    private static final System.Logger LOG = System.getLogger(RunExportService.class.getName());

    private final OperationRepository operations;
    private final DicomStoreSources stores;
    private final TableSink sink;
    private final Filters filters;
    private final DestinationAccessPolicy access;
    private final ExportMapping mapping;
    private final ExportPipeline pipeline;
    private final Workers workers;
    private final OperationLog log;
    private final Clock clock;

    public RunExportService(OperationRepository operations, DicomStoreSources stores, TableSink sink,
                            FilterFileSource filterFiles, DestinationAccessPolicy access, OperationLog log,
                            Workers workers, Clock clock, int parallelism, int batchSize) {
        this.operations = operations;
        this.stores = stores;
        this.sink = sink;
        this.filters = new Filters(filterFiles);
        this.access = access;
        this.mapping = ExportMapping.standard(clock);
        this.pipeline = new ExportPipeline(mapping, log, parallelism, batchSize);
        this.workers = workers;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void run(OperationName name) {
        StoredOperation stored = operations.find(name).orElseThrow(() -> new DicombqException(Code.NOT_FOUND,
                "Operation " + name + " not found"));
        if (stored.operation().done()) {
            return;
        }
        operations.transferOwnership(name, workers.current());
        ExportProgress progress = new ExportProgress(operations, clock, stored.operation(), PUBLISH_INTERVAL_MILLIS);
        RpcError error;
        try {
            Optional<RpcError> failure = export(stored, progress);
            if (failure.isEmpty()) {
                progress.succeed();
                return;
            }
            error = failure.get();
        } catch (DicombqException e) {
            error = e.error();
        } catch (Throwable e) {
            // An Error too (out of memory, stack overflow): the operation must end, or its pollers wait forever.
            LOG.log(System.Logger.Level.ERROR, "export " + name + " failed unexpectedly", e);
            error = unexpected(e);
        }
        end(progress, name, error);
    }

    /** How an export that ended on an unexpected Throwable reports it; nothing was committed. */
    static RpcError unexpected(Throwable cause) {
        return RpcError.of(Code.INTERNAL, "The export failed unexpectedly: " + cause + RootCause.of(cause)
                + "; the destination table is unchanged");
    }

    /** Stores the failure; if even that fails, says so in the log (the next process then reports the operation ABORTED). */
    private static void end(ExportProgress progress, OperationName name, RpcError error) {
        try {
            progress.fail(error);
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "export " + name + " ended with " + error.code() + " ("
                    + error.message() + ") but that could not be stored", e);
        }
    }

    private Optional<RpcError> export(StoredOperation stored, ExportProgress progress) {
        ExportJob job = stored.job();
        Optional<RpcError> denied = access.check(job.store(), job.table());
        if (denied.isPresent()) {
            return denied;
        }
        TableState state = sink.state(job.table());
        DestinationDecision decision = ExportDestinationRules.decide(job.table(), job.options(), state);
        if (decision instanceof DestinationDecision.Refuse refuse) {
            return Optional.of(refuse.error());
        }
        WritePlan plan = ((DestinationDecision.Proceed) decision).plan();
        Optional<TableSchema> existing = plan.replacesSchema() ? Optional.empty() : sink.schema(job.table());
        // The layout first: a JSON-layout table has a REPEATED STRING DroppedTags too, which is not a legacy table.
        Optional<RpcError> mixed = existing.flatMap(current -> mapping.layoutClash(job, current));
        if (mixed.isPresent()) {
            return mixed;
        }
        Optional<RpcError> legacy = existing.flatMap(schema -> LegacyTables.checkAppendable(job.table(), schema, job.layout()));
        if (legacy.isPresent()) {
            return legacy;
        }
        InstanceSelector selector = filters.selector(job.filterUri());
        DicomStore store = stores.open(job.storeSource());
        TableSchema seed = mapping.base(job);
        while (true) {
            try (StagedWrite write = sink.begin(job.table(), plan)) {
                ExportPipeline.Result result = pipeline.run(stored.operation().name(), job, store, selector, write,
                        progress, seed);
                if (result instanceof ExportPipeline.Result.Completed completed) {
                    TableSchema exported = completed.schema();
                    operations.markCommitting(stored.operation().name());
                    write.commit(existing.map(current -> mapping.extend(current, exported)).orElse(exported),
                            stored.operation().name().toString());
                    return Optional.empty();
                }
                write.abort();
                if (result instanceof ExportPipeline.Result.Widened widened) {
                    // Each rerun starts from a strictly wider schema, so the loop ends (columns and types are finite).
                    log.clear(stored.operation().name());
                    seed = widened.schema();
                    continue;
                }
                return Optional.of(RpcError.of(Code.CANCELLED, "The export was cancelled; the destination table "
                        + job.table() + " is unchanged"));
            }
        }
    }
}
