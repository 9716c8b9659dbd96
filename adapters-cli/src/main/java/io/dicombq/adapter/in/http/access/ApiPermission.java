package io.dicombq.adapter.in.http.access;

/** The Healthcare API permissions the HTTP API checks, one per method it serves. */
public enum ApiPermission {
    DICOM_STORES_CREATE("healthcare.dicomStores.create"),
    DICOM_STORES_DELETE("healthcare.dicomStores.delete"),
    DICOM_STORES_GET("healthcare.dicomStores.get"),
    DICOM_STORES_LIST("healthcare.dicomStores.list"),
    DICOM_STORES_EXPORT("healthcare.dicomStores.export"),
    OPERATIONS_GET("healthcare.operations.get"),
    OPERATIONS_LIST("healthcare.operations.list"),
    OPERATIONS_CANCEL("healthcare.operations.cancel");

    private final String iamName;

    ApiPermission(String iamName) {
        this.iamName = iamName;
    }

    public String iamName() {
        return iamName;
    }
}
