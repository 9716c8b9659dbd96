package io.dicombq.pipeline.beam;

import io.dicombq.application.port.in.RunExportUseCase;
import io.dicombq.application.port.in.ScaleOutEngine;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Beam engine behind {@code --runner=direct|flink|dataflow}, found with ServiceLoader
 * (META-INF/services/io.dicombq.application.port.in.ScaleOutEngine). The runner's own options are Beam's pipeline
 * options, passed through; a destination on a BigQuery-compatible endpoint (the dicombq emulator) is reached with
 * {@code --bigQueryEndpoint} and no credentials, and direct and flink runs get a local temp location by default.
 */
public final class BeamScaleOutEngine implements ScaleOutEngine {
    /** The runner names of {@code --runner}, and Beam's class names for them. */
    private static final Map<String, String> RUNNERS = Map.of(
            "direct", "DirectRunner",
            "flink", "FlinkRunner",
            "dataflow", "DataflowRunner");
    private static final String NO_CREDENTIALS = "org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory";

    @Override
    public List<String> runners() {
        return List.of("direct", "flink", "dataflow");
    }

    /** Globs and gs:// paths: the pipeline matches them with Beam's FileSystems ({@link FilePattern}). */
    @Override
    public boolean readsItself(String source) {
        return FilePattern.of(source).isPresent();
    }

    @Override
    public RunExportUseCase exports(String runner, List<String> runnerArguments, Context context) {
        List<String> arguments = arguments(runner, runnerArguments, context);
        // Checked now, so a bad runner option is the command's error rather than the operation's.
        if (runner.equals("dataflow")) {
            DataflowRequirements.check(arguments);
        }
        options(arguments);
        return new BeamRunExportService(context, () -> options(arguments));
    }

    static List<String> arguments(String runner, List<String> runnerArguments, Context context) {
        String beamRunner = RUNNERS.get(runner);
        if (beamRunner == null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "--runner=" + runner + " is not a runner; use one of "
                    + String.join(", ", List.of("local", "direct", "flink", "dataflow")));
        }
        List<String> arguments = new ArrayList<>();
        arguments.add("--runner=" + beamRunner);
        arguments.add("--jobName=dicombq-export-" + Long.toHexString(System.nanoTime()));
        if (context.bigQueryProject() != null && !given(runnerArguments, "project")) {
            arguments.add("--project=" + context.bigQueryProject());
        }
        if (context.bigQueryEndpoint() != null) {
            arguments.add("--bigQueryEndpoint=" + context.bigQueryEndpoint());
            if (!given(runnerArguments, "credentialFactoryClass")) {
                arguments.add("--credentialFactoryClass=" + NO_CREDENTIALS);
            }
        }
        if (runner.equals("direct") && !given(runnerArguments, "blockOnRun")) {
            // run() returns at once, so the driver publishes counters and heeds a cancel while the pipeline runs.
            arguments.add("--blockOnRun=false");
        }
        if (runner.equals("flink") && !given(runnerArguments, "attachedMode")) {
            // Detached: run() returns a job client, which reports state and counters and can cancel the job.
            arguments.add("--attachedMode=false");
        }
        if (!runner.equals("dataflow") && !given(runnerArguments, "tempLocation")) {
            arguments.add("--tempLocation=" + localTempLocation());
        }
        arguments.addAll(runnerArguments);
        return arguments;
    }

    static PipelineOptions options(List<String> arguments) {
        return options(arguments, true);
    }

    /** The options; with {@code validated}, Beam's own checks of required options too. */
    static PipelineOptions options(List<String> arguments, boolean validated) {
        try {
            PipelineOptionsFactory.Builder builder = PipelineOptionsFactory.fromArgs(arguments.toArray(String[]::new));
            return validated ? builder.withValidation().create() : builder.create();
        } catch (IllegalArgumentException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "the runner's options were refused: " + e.getMessage());
        }
    }

    private static boolean given(List<String> arguments, String option) {
        return arguments.stream().anyMatch(argument -> argument.startsWith("--" + option + "="));
    }

    private static String localTempLocation() {
        try {
            return Files.createTempDirectory("dicombq-beam-").toString();
        } catch (IOException e) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "cannot create a temp location for the pipeline: "
                    + e.getMessage() + "; give --temp-location");
        }
    }
}
