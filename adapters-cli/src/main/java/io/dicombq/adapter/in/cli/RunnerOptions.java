package io.dicombq.adapter.in.cli;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --runner} and the runner's own options of {@code dicombq dicom-stores export bq}: local (this machine, the
 * default) or an Apache Beam runner (direct, flink, dataflow), whose options are passed through in Beam's form.
 */
public final class RunnerOptions {
    @Option(names = "--runner", defaultValue = "local", paramLabel = "local|direct|flink|dataflow",
            description = "Where the export runs: local (this machine, the default), or an Apache Beam runner: direct,"
                    + " flink or dataflow (docs/scale-out.md). Beam runners write with --warehouse=bigquery.")
    String name;
    @Option(names = "--flink-master", paramLabel = "HOST:PORT|[local]",
            description = "With --runner=flink: the Flink cluster's JobManager, or [local] for an embedded cluster.")
    String flinkMaster;
    @Option(names = "--parallelism", paramLabel = "N", description = "With --runner=flink: the job's parallelism.")
    Integer parallelism;
    @Option(names = "--temp-location", paramLabel = "PATH|gs://BUCKET/PATH",
            description = "Where the pipeline writes its load files (a local folder for direct and flink, the default"
                    + " being a new temporary folder; gs://… for dataflow).")
    String tempLocation;
    @Option(names = "--region", paramLabel = "REGION", description = "With --runner=dataflow: the Dataflow region.")
    String region;
    @Option(names = "--service-account", paramLabel = "EMAIL",
            description = "With --runner=dataflow: the workers' service account.")
    String serviceAccount;
    @Option(names = "--runner-option", paramLabel = "NAME=VALUE",
            description = "Any other option of the Beam runner, passed through as --NAME=VALUE (repeatable), e.g."
                    + " --runner-option=maxNumWorkers=50.")
    List<String> passThrough = new ArrayList<>();

    private static final List<String> NAMES = List.of("local", "direct", "flink", "dataflow");

    boolean local() {
        if (!NAMES.contains(name)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "--runner=" + name + " is not a runner; use one of "
                    + String.join(", ", NAMES));
        }
        return name.equals("local");
    }

    String name() {
        return name;
    }

    /** The runner's options in Beam's {@code --camelCase=value} form; an option for another runner is an error. */
    List<String> beamArguments() {
        List<String> arguments = new ArrayList<>();
        add(arguments, "flinkMaster", flinkMaster, "flink", "--flink-master");
        add(arguments, "parallelism", parallelism == null ? null : parallelism.toString(), "flink", "--parallelism");
        add(arguments, "region", region, "dataflow", "--region");
        add(arguments, "serviceAccount", serviceAccount, "dataflow", "--service-account");
        if (tempLocation != null) {
            arguments.add("--tempLocation=" + tempLocation);
        }
        for (String option : passThrough) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "--runner-option=" + option
                        + " is not NAME=VALUE (e.g. --runner-option=maxNumWorkers=50)");
            }
            arguments.add("--" + option);
        }
        return arguments;
    }

    private void add(List<String> arguments, String beamName, String value, String runner, String option) {
        if (value == null) {
            return;
        }
        if (!name.equals(runner)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, option + " applies to --runner=" + runner
                    + ", not --runner=" + name);
        }
        arguments.add("--" + beamName + "=" + value);
    }
}
