package io.dicombq.adapter.in.http.access;

import java.util.List;
import java.util.Objects;

/** Who a bearer token stands for, and what it may do. Holds no token. */
public record Principal(String name, List<Binding> bindings) {
    /** The caller of a server without an access file: allowed everything (such a server only listens on loopback). */
    public static final Principal LOCAL_USER = new Principal("local-user", List.of(
            new Binding(ApiRole.DICOM_STORE_ADMIN, "projects")));

    public Principal {
        Objects.requireNonNull(name, "name");
        bindings = List.copyOf(bindings);
    }

    public boolean may(ApiPermission permission, String resource) {
        return bindings.stream().anyMatch(binding -> binding.allows(permission, resource));
    }
}
