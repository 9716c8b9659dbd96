package io.dicombq.pipeline.beam;

import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.in.ScaleOutEngine;
import io.dicombq.application.port.out.ExportJob;
import io.dicombq.application.port.out.OperationRepository.StoredOperation;
import io.dicombq.application.service.ExportProgress;
import io.dicombq.domain.destination.DestinationDecision;
import io.dicombq.domain.destination.ExportDestinationRules;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.filter.FilterFile;
import io.dicombq.domain.flatten.LegacyTables;
import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.joda.time.Duration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs an export operation as a Beam pipeline, with the single-node export's rules around it: the access check
 * (specification 1.3) and the destination decision (1.2) before the pipeline runs, counters from Beam metrics while it
 * runs, a cancel of the operation cancelling the Beam job, per-instance failures into the operation log, and the
 * commit (one copy job from staging) only when the pipeline succeeded, so a failed or cancelled pipeline leaves the
 * destination as it was.
 */
final class BeamRunExportService implements RunExportUseCase {
    private static final long PUBLISH_INTERVAL_MILLIS = 250;
    private static final Duration POLL = Duration.millis(200);

    private final ScaleOutEngine.Context context;
    private final Supplier<PipelineOptions> options;

    /** @param options fresh pipeline options for each run (runner, endpoint, temp location already set) */
    BeamRunExportService(ScaleOutEngine.Context context, Supplier<PipelineOptions> options) {
        this.context = context;
        this.options = options;
    }

    @Override
    public void run(OperationName name) {
        StoredOperation stored = context.operations().find(name).orElseThrow(() -> new DicombqException(Code.NOT_FOUND,
                "Operation " + name + " not found"));
        if (stored.operation().done()) {
            return;
        }
        context.operations().transferOwnership(name, context.workers().current());
        ExportProgress progress = new ExportProgress(context.operations(), context.clock(), stored.operation(),
                PUBLISH_INTERVAL_MILLIS);
        try {
            Optional<RpcError> failure = export(stored, progress);
            if (failure.isPresent()) {
                progress.fail(failure.get());
            } else {
                progress.succeed();
            }
        } catch (DicombqException e) {
            progress.fail(e.error());
        } catch (RuntimeException e) {
            progress.fail(RpcError.of(Code.INTERNAL, "The export pipeline failed unexpectedly: " + e
                    + "; the destination table is unchanged"));
        }
    }

    private Optional<RpcError> export(StoredOperation stored, ExportProgress progress) {
        ExportJob job = stored.job();
        Optional<RpcError> denied = context.access().check(job.store(), job.table());
        if (denied.isPresent()) {
            return denied;
        }
        PipelineOptions pipelineOptions = options.get();
        BigQueryTables tables = BigQueryTables.of(pipelineOptions);
        TableUri destination = job.table();
        TableState state = tables.state(destination);
        DestinationDecision decision = ExportDestinationRules.decide(destination, job.options(), state);
        if (decision instanceof DestinationDecision.Refuse refuse) {
            return Optional.of(refuse.error());
        }
        WritePlan plan = ((DestinationDecision.Proceed) decision).plan();
        Optional<TableSchema> existing = plan.replacesSchema() ? Optional.empty() : tables.schema(destination);
        Optional<RpcError> legacy = existing.flatMap(schema -> LegacyTables.checkAppendable(destination, schema, job.layout()));
        if (legacy.isPresent()) {
            return legacy;
        }
        TableUri staging = BigQueryTables.staging(destination);
        WorkDirectory work = WorkDirectory.under(pipelineOptions.getTempLocation(), "dicombq-" + UUID.randomUUID());
        ExportSpec spec = new ExportSpec(job.storeSource(), job.store().toString(), job.layout(),
                job.includeSourceStore(), job.filterUri().orElse(null), filterText(job), BigQueryTables.spec(staging),
                existing.map(SchemaJson::write).orElse(null), work.path(),
                FilePattern.of(job.storeSource()).orElse(null));
        OperationName name = stored.operation().name();
        try {
            Pipeline pipeline = Pipeline.create(pipelineOptions);
            ExportGraph.build(pipeline, spec);
            PipelineResult.State end = runToEnd(pipeline, progress, () -> work.exists(spec.doneFile()));
            List<InstanceFailure> failures = work.failures(spec);
            failures.forEach(failure -> context.log().append(name, failure));
            if (end != PipelineResult.State.DONE) {
                return Optional.of(end == PipelineResult.State.CANCELLED
                        ? RpcError.of(Code.CANCELLED, "The export was cancelled; the destination table " + destination
                                + " is unchanged")
                        : RpcError.of(Code.INTERNAL, "The export pipeline ended " + end + "; the destination table "
                                + destination + " is unchanged"));
            }
            // The final counters from what the pipeline wrote, as some runners cannot report metrics once done.
            long exported = Long.parseLong(work.read(spec.doneFile()).trim());
            progress.publish(new OperationCounter(exported, failures.size(), 0), true);
            TableSchema finalSchema = SchemaJson.parse(work.read(spec.schemaFile()));
            if (!tables.exists(staging)) {
                // BigQueryIO loads nothing when no instance was exported; the table is still created (specification 1.2).
                tables.create(staging, finalSchema);
            }
            if (!plan.replacesSchema()) {
                tables.widen(destination, finalSchema);
            }
            tables.copy(staging, destination, plan);
            return Optional.empty();
        } finally {
            tables.deleteQuietly(staging);
            work.deleteQuietly();
        }
    }

    /**
     * Runs the pipeline, publishing its counters and heeding a cancel of the operation, until it ends. A job the runner
     * can no longer report on (Flink's embedded cluster shuts down with its job) ended DONE when its done marker is
     * there, and failed otherwise.
     */
    private static PipelineResult.State runToEnd(Pipeline pipeline, ExportProgress progress, BooleanSupplier done) {
        PipelineResult result;
        try {
            result = pipeline.run();
        } catch (RuntimeException e) {
            throw failed(e);
        }
        boolean cancelled = false;
        while (true) {
            PipelineResult.State state;
            try {
                state = result.waitUntilFinish(POLL);
            } catch (RuntimeException e) {
                if (cancelled) {
                    return PipelineResult.State.CANCELLED;
                }
                if (done.getAsBoolean()) {
                    return PipelineResult.State.DONE;
                }
                throw failed(e);
            }
            progress.publish(ExportMetrics.counter(result), state != null && state.isTerminal());
            if (state != null && state.isTerminal()) {
                if (state == PipelineResult.State.DONE && !done.getAsBoolean()) {
                    throw new DicombqException(Code.INTERNAL, "The export pipeline ended without writing its done"
                            + " marker; the destination table is unchanged");
                }
                return cancelled && state != PipelineResult.State.DONE ? PipelineResult.State.CANCELLED : state;
            }
            if (!cancelled && progress.cancelRequested()) {
                cancelled = true;
                try {
                    result.cancel();
                } catch (IOException e) {
                    throw new DicombqException(Code.UNAVAILABLE, "the Beam job could not be cancelled: " + e.getMessage());
                }
            }
        }
    }

    /** A pipeline that failed: the cause a user can act on (the first DicombqException), not Beam's wrapping. */
    private static DicombqException failed(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DicombqException dicombq) {
                return new DicombqException(new RpcError(dicombq.error().code(), dicombq.error().message()
                        + "; the destination table is unchanged"), e);
            }
        }
        return new DicombqException(new RpcError(Code.INTERNAL, "The export pipeline failed: " + e
                + "; the destination table is unchanged"), e);
    }

    /** The filter file's text, read and checked once here (INVALID_ARGUMENT naming a bad line), then sent to workers. */
    private String filterText(ExportJob job) {
        if (job.filterUri().isEmpty()) {
            return null;
        }
        String uri = job.filterUri().get();
        byte[] bytes;
        try (InputStream in = context.filterFiles().open(uri)) {
            bytes = in.readAllBytes();
        } catch (IOException | UncheckedIOException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Filter file " + uri + " could not be read: " + e.getMessage());
        }
        // the domain decodes it: a byte that is not UTF-8 is refused naming its line
        FilterFile.named(uri).read(new ByteArrayInputStream(bytes));
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
