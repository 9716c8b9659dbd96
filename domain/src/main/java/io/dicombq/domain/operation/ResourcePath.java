package io.dicombq.domain.operation;

/** Splits a resource name {@code projects/P/locations/L/datasets/D/COLLECTION/ID} into its four IDs. */
final class ResourcePath {
    private ResourcePath() {
    }

    /** The IDs of P, L, D and ID, after checking the fixed segments; errors show the expected shape. */
    static String[] split(String name, String collection, String what) {
        String shape = "projects/PROJECT/locations/LOCATION/datasets/DATASET/" + collection + "/ID";
        if (name == null || name.isBlank()) {
            throw ResourceIds.invalid(what + " name is empty; expected " + shape);
        }
        String[] parts = name.split("/", -1);
        if (parts.length != 8 || !parts[0].equals("projects") || !parts[2].equals("locations")
                || !parts[4].equals("datasets") || !parts[6].equals(collection)) {
            throw ResourceIds.invalid(what + " name '" + name + "' does not have the form " + shape);
        }
        return new String[] {parts[1], parts[3], parts[5], parts[7]};
    }
}
