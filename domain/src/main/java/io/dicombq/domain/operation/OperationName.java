package io.dicombq.domain.operation;

/** A long-running operation's name {@code projects/P/locations/L/datasets/D/operations/ID}; valid by construction. */
public record OperationName(String project, String location, String dataset, String id) {
    public OperationName {
        ResourceIds.requireProject(project);
        ResourceIds.requireLocation(location);
        ResourceIds.requireId("dataset", dataset);
        ResourceIds.requireId("operation", id);
    }

    /** Parses a full operation name; INVALID_ARGUMENT naming the part that is wrong. */
    public static OperationName parse(String name) {
        String[] ids = ResourcePath.split(name, "operations", "operation");
        return new OperationName(ids[0], ids[1], ids[2], ids[3]);
    }

    /** {@code projects/P/locations/L/datasets/D}. */
    public String datasetName() {
        return "projects/" + project + "/locations/" + location + "/datasets/" + dataset;
    }

    @Override
    public String toString() {
        return datasetName() + "/operations/" + id;
    }
}
