package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.in.ScaleOutEngine;
import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;

/**
 * The store sources of exports a distributed engine runs: the sources the engine reads itself (file patterns such as
 * globs and gs:// paths, checked by the engine) besides this process's own (folders, DICOMweb services).
 */
final class EngineStoreSources implements DicomStoreSources {
    private final ScaleOutEngine engine;
    private final DicomStoreSources local;

    EngineStoreSources(ScaleOutEngine engine, DicomStoreSources local) {
        this.engine = engine;
        this.local = local;
    }

    @Override
    public void check(String source) {
        if (!engine.readsItself(source)) {
            local.check(source);
        }
    }

    @Override
    public DicomStore open(String source) {
        return local.open(source);
    }
}
