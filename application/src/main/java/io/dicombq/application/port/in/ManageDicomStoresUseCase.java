package io.dicombq.application.port.in;

import io.dicombq.application.port.out.DicomStoreDefinition;
import io.dicombq.domain.operation.DicomStoreName;

import java.util.List;

/** dicomStores.create / get / list / delete: stores are names bound to a source of instances. */
public interface ManageDicomStoresUseCase {

    /** ALREADY_EXISTS for a taken name; INVALID_ARGUMENT / NOT_FOUND for an unusable source. */
    DicomStoreDefinition create(DicomStoreName name, String source);

    /** NOT_FOUND for an unknown store. */
    DicomStoreDefinition get(DicomStoreName name);

    List<DicomStoreDefinition> list(String project, String location, String dataset);

    /** datasets.list: dicombq's Healthcare datasets are the dataset parts of its stores' names, sorted. */
    List<String> datasets();

    /** NOT_FOUND for an unknown store. */
    void delete(DicomStoreName name);
}
