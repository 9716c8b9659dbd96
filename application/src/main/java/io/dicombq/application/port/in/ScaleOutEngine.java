package io.dicombq.application.port.in;

import io.dicombq.application.port.out.DestinationAccessPolicy;
import io.dicombq.application.port.out.FilterFileSource;
import io.dicombq.application.port.out.OperationLog;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.application.port.out.Workers;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Runs export operations on a distributed engine (Apache Beam's direct, Flink and Dataflow runners) instead of this
 * process. Found with {@link java.util.ServiceLoader} when its module (pipeline-beam) is on the class path, so the
 * default build carries no engine; the instances are read through {@code DicomStoreSources}, also found with
 * ServiceLoader, in whatever process the engine runs its workers.
 */
public interface ScaleOutEngine {

    /** The runner names it serves, as the {@code --runner} option spells them (direct, flink, dataflow). */
    List<String> runners();

    /**
     * Whether the engine reads {@code source} itself rather than through {@code DicomStoreSources}: Part 10 files named
     * by a file pattern its file systems match (a glob such as {@code /data/**}{@code /*.dcm}, anything under
     * {@code gs://}). INVALID_ARGUMENT when it is such a pattern but a malformed one.
     */
    default boolean readsItself(String source) {
        return false;
    }

    /**
     * The use case that runs a created export operation on {@code runner}. INVALID_ARGUMENT for an unknown runner
     * or a runner argument the engine refuses.
     *
     * @param runnerArguments the runner's own options, passed through ({@code --flinkMaster=[local]}, …)
     */
    RunExportUseCase exports(String runner, List<String> runnerArguments, Context context);

    /** What the engine's driver needs from the composition root; the destination is BigQuery (or its emulator). */
    record Context(OperationRepository operations, OperationLog log, DestinationAccessPolicy access,
                   FilterFileSource filterFiles, Workers workers, Clock clock, String bigQueryProject,
                   String bigQueryEndpoint) {
        public Context {
            Objects.requireNonNull(operations, "operations");
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(filterFiles, "filterFiles");
            Objects.requireNonNull(workers, "workers");
            Objects.requireNonNull(clock, "clock");
        }
    }
}
