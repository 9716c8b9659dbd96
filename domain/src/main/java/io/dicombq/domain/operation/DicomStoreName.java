package io.dicombq.domain.operation;

/** A DICOM store's resource name {@code projects/P/locations/L/datasets/D/dicomStores/S}; valid by construction. */
public record DicomStoreName(String project, String location, String dataset, String store) {
    public DicomStoreName {
        ResourceIds.requireProject(project);
        ResourceIds.requireLocation(location);
        ResourceIds.requireId("dataset", dataset);
        ResourceIds.requireId("DICOM store", store);
    }

    /** Parses a full resource name; INVALID_ARGUMENT naming the part that is wrong. */
    public static DicomStoreName parse(String name) {
        String[] ids = ResourcePath.split(name, "dicomStores", "DICOM store");
        return new DicomStoreName(ids[0], ids[1], ids[2], ids[3]);
    }

    /** Whether {@code text} looks like a full store resource name (as opposed to a bare ID or a path). */
    public static boolean looksLikeName(String text) {
        return text.startsWith("projects/") && text.contains("/dicomStores/");
    }

    /** The name of an operation of this store's dataset (operations belong to the dataset, as in the Healthcare API). */
    public OperationName operation(String operationId) {
        return new OperationName(project, location, dataset, operationId);
    }

    /** {@code projects/P/locations/L/datasets/D}. */
    public String datasetName() {
        return "projects/" + project + "/locations/" + location + "/datasets/" + dataset;
    }

    @Override
    public String toString() {
        return datasetName() + "/dicomStores/" + store;
    }
}
