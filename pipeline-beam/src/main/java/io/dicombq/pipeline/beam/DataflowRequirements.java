package io.dicombq.pipeline.beam;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.options.PipelineOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --runner=dataflow} needs before a job can be submitted, checked when the command starts so that every
 * missing piece is named at once, with the option that gives it: the Dataflow runner on the class path (the
 * dataflow jar), a project, a region, a gs:// temp location, and Google Cloud credentials.
 */
final class DataflowRequirements {
    static final String RUNNER_CLASS = "org.apache.beam.runners.dataflow.DataflowRunner";
    /** Where the Dataflow service reads a default region from when --region is not given. */
    private static final String REGION_VARIABLE = "CLOUDSDK_COMPUTE_REGION";

    private DataflowRequirements() {
    }

    /** Throws FAILED_PRECONDITION naming what is missing; {@code arguments} are the Beam options, runner included. */
    static void check(List<String> arguments) {
        if (!runnerAvailable()) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "--runner=dataflow needs Beam's Dataflow runner, which"
                    + " this jar does not carry: build it with ./mvnw -B -Pbeam,beam-dataflow -pl dist-beam -am package"
                    + " -DskipTests and run dist-beam/target/dicombq-beam-dataflow.jar (docs/scale-out.md)");
        }
        PipelineOptions options = BeamScaleOutEngine.options(arguments, false);
        GcpOptions gcp = options.as(GcpOptions.class);
        List<String> missing = new ArrayList<>();
        if (gcp.getProject() == null || gcp.getProject().isEmpty()) {
            missing.add("a Google Cloud project (--bigquery-project=PROJECT, or --runner-option=project=PROJECT)");
        }
        if (!given(arguments, "region") && System.getenv(REGION_VARIABLE) == null) {
            missing.add("a region (--region=REGION, e.g. --region=europe-west4)");
        }
        String temp = options.getTempLocation();
        if (temp == null || !temp.startsWith("gs://")) {
            missing.add("a Cloud Storage temp location for the load files and staged jars (--temp-location=gs://BUCKET/PATH"
                    + (temp == null ? "" : "; " + temp + " is not on Cloud Storage") + ")");
        }
        if (NoopCredentialFactory.class.equals(gcp.getCredentialFactoryClass())) {
            missing.add("Google Cloud credentials (a --bigquery-endpoint destination sends none; Dataflow writes into"
                    + " real BigQuery: leave --bigquery-endpoint out)");
        } else if (gcp.getGcpCredential() == null) {
            missing.add("Google Cloud credentials (Application Default Credentials: gcloud auth application-default"
                    + " login, or GOOGLE_APPLICATION_CREDENTIALS naming a service account key)");
        }
        if (!missing.isEmpty()) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "--runner=dataflow cannot start a job: it needs "
                    + String.join("; ", missing));
        }
    }

    static boolean runnerAvailable() {
        try {
            Class.forName(RUNNER_CLASS, false, DataflowRequirements.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean given(List<String> arguments, String option) {
        return arguments.stream().anyMatch(argument -> argument.startsWith("--" + option + "="));
    }
}
