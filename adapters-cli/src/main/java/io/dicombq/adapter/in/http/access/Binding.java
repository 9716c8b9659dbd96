package io.dicombq.adapter.in.http.access;

import java.util.Objects;

/**
 * A role on a resource and everything below it: {@code projects/P}, {@code projects/P/locations/L/datasets/D}
 * (per dataset) or {@code …/dicomStores/S} (per store).
 */
public record Binding(ApiRole role, String resource) {
    public Binding {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(resource, "resource");
        while (resource.endsWith("/")) {
            resource = resource.substring(0, resource.length() - 1);
        }
    }

    /** Whether this binding gives {@code permission} on {@code target} (a resource name). */
    public boolean allows(ApiPermission permission, String target) {
        return role.grants(permission) && (target.equals(resource) || target.startsWith(resource + "/"));
    }
}
