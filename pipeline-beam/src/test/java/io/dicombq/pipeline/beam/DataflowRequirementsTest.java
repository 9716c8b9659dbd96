package io.dicombq.pipeline.beam;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --runner=dataflow} builds its options with the Dataflow runner on the class path (this module's tests carry
 * it) and, as Dataflow cannot be reached from here, stops before any job with a message naming each missing piece
 * and the option that gives it.
 */
class DataflowRequirementsTest {
    private static final String NO_CREDENTIALS = "--credentialFactoryClass="
            + "org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory";

    private static List<String> dataflow(String... options) {
        List<String> arguments = new ArrayList<>(List.of("--runner=DataflowRunner"));
        arguments.addAll(List.of(options));
        return arguments;
    }

    private static DicombqException refusal(List<String> arguments) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> DataflowRequirements.check(arguments));
        assertThat(thrown).isInstanceOf(DicombqException.class);
        DicombqException refused = (DicombqException) thrown;
        assertThat(refused.code()).isEqualTo(Code.FAILED_PRECONDITION);
        return refused;
    }

    @Test
    void theDataflowRunnerIsOnThisClassPathAndItsOptionsBuild() {
        assertThat(DataflowRequirements.runnerAvailable()).isTrue();
        assertThat(BeamScaleOutEngine.options(dataflow("--project=my-project", "--region=europe-west4",
                "--tempLocation=gs://my-bucket/tmp"), false).getRunner().getSimpleName()).isEqualTo("DataflowRunner");
    }

    @Test
    void everyMissingPieceIsNamedAtOnceWithTheOptionThatGivesIt() {
        assertThat(refusal(dataflow(NO_CREDENTIALS)).getMessage())
                .contains("--runner=dataflow cannot start a job")
                .contains("project (--bigquery-project=PROJECT")
                .contains("region (--region=REGION")
                .contains("--temp-location=gs://BUCKET/PATH")
                .contains("Google Cloud credentials");
    }

    @Test
    void withProjectRegionAndBucketOnlyTheCredentialsAreMissing() {
        String message = refusal(dataflow("--project=my-project", "--region=europe-west4",
                "--tempLocation=gs://my-bucket/tmp", NO_CREDENTIALS)).getMessage();
        assertThat(message).contains("Google Cloud credentials").contains("--bigquery-endpoint")
                .doesNotContain("--region=REGION").doesNotContain("project (").doesNotContain("temp location");
    }

    @Test
    void aLocalTempLocationIsNotEnoughForDataflow() {
        assertThat(refusal(dataflow("--project=my-project", "--region=europe-west4", "--tempLocation=/tmp/beam",
                NO_CREDENTIALS)).getMessage()).contains("/tmp/beam is not on Cloud Storage");
    }

    @Test
    void anUnknownOptionIsRefusedAsTheRunnersOption() {
        assertThatThrownBy(() -> DataflowRequirements.check(dataflow("--noSuchOption=1")))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageContaining("noSuchOption");
    }
}
