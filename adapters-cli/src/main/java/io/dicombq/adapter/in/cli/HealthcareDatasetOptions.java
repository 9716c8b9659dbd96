package io.dicombq.adapter.in.cli;

import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.HealthcareDatasetName;
import io.dicombq.domain.operation.OperationName;
import picocli.CommandLine.Option;

/** {@code --project/--location/--dataset}: the Healthcare dataset that bare store and operation IDs belong to. */
public final class HealthcareDatasetOptions {
    static final String DEFAULT_PROJECT = "dicombq-local";
    static final String DEFAULT_LOCATION = "local";
    static final String DEFAULT_DATASET = "default";

    @Option(names = "--project", paramLabel = "PROJECT",
            description = "Project of the Healthcare dataset (default: $DICOMBQ_PROJECT, else " + DEFAULT_PROJECT + ").")
    String project;

    @Option(names = "--location", paramLabel = "LOCATION", defaultValue = DEFAULT_LOCATION,
            description = "Location of the Healthcare dataset (default: ${DEFAULT-VALUE}).")
    String location;

    @Option(names = "--dataset", paramLabel = "DATASET", defaultValue = DEFAULT_DATASET,
            description = "Healthcare dataset ID (default: ${DEFAULT-VALUE}).")
    String dataset;

    /** These options with {@code --project} set, for code that builds names itself. */
    HealthcareDatasetOptions withProject(String projectId) {
        HealthcareDatasetOptions options = new HealthcareDatasetOptions();
        options.project = projectId;
        options.location = location == null ? DEFAULT_LOCATION : location;
        options.dataset = dataset == null ? DEFAULT_DATASET : dataset;
        return options;
    }

    boolean projectGiven() {
        return project != null;
    }

    String project() {
        if (project != null) {
            return project;
        }
        String fromEnvironment = System.getenv("DICOMBQ_PROJECT");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_PROJECT : fromEnvironment;
    }

    String location() {
        return location;
    }

    String dataset() {
        return dataset;
    }

    /** {@code projects/P/locations/L/datasets/D}, as these options name it. */
    String datasetName() {
        return new HealthcareDatasetName(project(), location, dataset).toString();
    }

    /** A full store name as given, or the ID within this dataset. */
    DicomStoreName store(String nameOrId) {
        return DicomStoreName.looksLikeName(nameOrId) ? DicomStoreName.parse(nameOrId) : storeId(nameOrId);
    }

    DicomStoreName storeId(String id) {
        return new DicomStoreName(project(), location, dataset, id);
    }

    /** A full operation name as given, or the ID within this dataset. */
    OperationName operation(String nameOrId) {
        return nameOrId.startsWith("projects/") ? OperationName.parse(nameOrId)
                : new OperationName(project(), location, dataset, nameOrId);
    }
}
