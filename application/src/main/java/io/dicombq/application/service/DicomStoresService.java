package io.dicombq.application.service;

import io.dicombq.application.port.in.ManageDicomStoresUseCase;
import io.dicombq.application.port.out.DicomStoreDefinition;
import io.dicombq.application.port.out.DicomStoreRegistry;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.time.Clock;
import java.util.List;

/** Registers DICOM stores, checking that their source can be opened. */
public final class DicomStoresService implements ManageDicomStoresUseCase {
    private final DicomStoreRegistry registry;
    private final DicomStoreSources sources;
    private final Clock clock;

    public DicomStoresService(DicomStoreRegistry registry, DicomStoreSources sources, Clock clock) {
        this.registry = registry;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public DicomStoreDefinition create(DicomStoreName name, String source) {
        sources.check(source);
        DicomStoreDefinition store = new DicomStoreDefinition(name, source, clock.instant());
        registry.create(store);
        return store;
    }

    @Override
    public DicomStoreDefinition get(DicomStoreName name) {
        return registry.find(name).orElseThrow(() -> notFound(name));
    }

    @Override
    public List<DicomStoreDefinition> list(String project, String location, String dataset) {
        return registry.list(project, location, dataset);
    }

    @Override
    public List<String> datasets() {
        return registry.datasets();
    }

    @Override
    public void delete(DicomStoreName name) {
        if (!registry.delete(name)) {
            throw notFound(name);
        }
    }

    private static DicombqException notFound(DicomStoreName name) {
        return new DicombqException(Code.NOT_FOUND, "DICOM store " + name + " not found");
    }
}
