package io.dicombq.adapter.in.http.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static io.dicombq.adapter.in.http.access.ApiPermission.DICOM_STORES_EXPORT;
import static io.dicombq.adapter.in.http.access.ApiPermission.DICOM_STORES_GET;
import static io.dicombq.adapter.in.http.access.ApiPermission.DICOM_STORES_LIST;
import static io.dicombq.adapter.in.http.access.ApiPermission.OPERATIONS_CANCEL;
import static io.dicombq.adapter.in.http.access.ApiPermission.OPERATIONS_GET;
import static io.dicombq.adapter.in.http.access.ApiPermission.OPERATIONS_LIST;

/** The roles a binding in the access file can give, named like the Healthcare API's predefined roles. */
public enum ApiRole {
    /** Sees stores and operations (and operation logs). */
    DICOM_VIEWER("roles/healthcare.dicomViewer",
            EnumSet.of(DICOM_STORES_GET, DICOM_STORES_LIST, OPERATIONS_GET, OPERATIONS_LIST)),
    /** A viewer who may also export and cancel exports. */
    DICOM_EDITOR("roles/healthcare.dicomEditor",
            EnumSet.of(DICOM_STORES_GET, DICOM_STORES_LIST, DICOM_STORES_EXPORT, OPERATIONS_GET, OPERATIONS_LIST,
                    OPERATIONS_CANCEL)),
    /** Everything, including creating and deleting stores. */
    DICOM_STORE_ADMIN("roles/healthcare.dicomStoreAdmin", EnumSet.allOf(ApiPermission.class));

    private final String iamName;
    private final Set<ApiPermission> permissions;

    ApiRole(String iamName, Set<ApiPermission> permissions) {
        this.iamName = iamName;
        this.permissions = permissions;
    }

    public String iamName() {
        return iamName;
    }

    public boolean grants(ApiPermission permission) {
        return permissions.contains(permission);
    }

    public static ApiRole parse(String iamName) {
        return Arrays.stream(values()).filter(role -> role.iamName.equals(iamName)).findFirst()
                .orElseThrow(() -> new DicombqException(Code.INVALID_ARGUMENT, "role '" + iamName + "' is unknown; use one of "
                        + Arrays.stream(values()).map(ApiRole::iamName).collect(Collectors.joining(", "))));
    }
}
