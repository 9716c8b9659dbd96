package io.dicombq.adapter.in.http.access;

import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;

/**
 * Store sources as the HTTP server may use them: a folder only inside the server's roots, checked with every link
 * resolved, and a DICOMweb service only on its allow-list, when a store is created and again each time it is opened
 * (a store registered from the command line may name any source). Inside a store the folder walk does not follow
 * links, so none can lead out of the roots.
 */
public final class ConfinedDicomStoreSources implements DicomStoreSources {
    private final DicomStoreSources delegate;
    private final SourceConfinement confinement;

    public ConfinedDicomStoreSources(DicomStoreSources delegate, SourceConfinement confinement) {
        this.delegate = delegate;
        this.confinement = confinement;
    }

    @Override
    public void check(String source) {
        confinement.check(source);
        delegate.check(source);
    }

    @Override
    public DicomStore open(String source) {
        confinement.check(source);
        return delegate.open(source);
    }
}
