package io.dicombq.domain.operation;

/** A Healthcare dataset's resource name {@code projects/P/locations/L/datasets/D}; valid by construction. */
public record HealthcareDatasetName(String project, String location, String dataset) {
    public HealthcareDatasetName {
        ResourceIds.requireProject(project);
        ResourceIds.requireLocation(location);
        ResourceIds.requireId("dataset", dataset);
    }

    /**
     * Checks the parent of a datasets.list, {@code projects/P/locations/L}: each part a valid ID, or {@code -} for
     * every project or location (AIP-159).
     */
    public static void requireListParent(String project, String location) {
        if (!"-".equals(project)) {
            ResourceIds.requireProject(project);
        }
        if (!"-".equals(location)) {
            ResourceIds.requireLocation(location);
        }
    }

    @Override
    public String toString() {
        return "projects/" + project + "/locations/" + location + "/datasets/" + dataset;
    }
}
