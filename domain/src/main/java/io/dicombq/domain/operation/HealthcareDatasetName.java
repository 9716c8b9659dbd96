package io.dicombq.domain.operation;

/** A Healthcare dataset's resource name {@code projects/P/locations/L/datasets/D}; valid by construction. */
public record HealthcareDatasetName(String project, String location, String dataset) {
    public HealthcareDatasetName {
        ResourceIds.requireProject(project);
        ResourceIds.requireLocation(location);
        ResourceIds.requireId("dataset", dataset);
    }

    @Override
    public String toString() {
        return "projects/" + project + "/locations/" + location + "/datasets/" + dataset;
    }
}
