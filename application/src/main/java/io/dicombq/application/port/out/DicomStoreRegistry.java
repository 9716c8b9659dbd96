package io.dicombq.application.port.out;

import io.dicombq.domain.operation.DicomStoreName;

import java.util.List;
import java.util.Optional;

/** The registered DICOM stores: a resource name bound to where the instances are (a folder, a DICOMweb URL). */
public interface DicomStoreRegistry {

    /** ALREADY_EXISTS when a store of that name is registered. */
    void create(DicomStoreDefinition store);

    Optional<DicomStoreDefinition> find(DicomStoreName name);

    /** The stores of one Healthcare dataset, by name. */
    List<DicomStoreDefinition> list(String project, String location, String dataset);

    /** The Healthcare datasets that hold at least one store, as {@code projects/P/locations/L/datasets/D}, sorted. */
    List<String> datasets();

    /** Whether a store was removed. */
    boolean delete(DicomStoreName name);
}
