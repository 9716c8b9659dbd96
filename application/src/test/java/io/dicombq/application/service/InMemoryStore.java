package io.dicombq.application.service;

import io.dicombq.application.port.out.DicomStore;
import io.dicombq.application.port.out.DicomStoreSources;
import io.dicombq.application.port.out.InstanceHandle;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.filter.InstanceSelector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link DicomStore} (and its only source) over instances built in memory. A handle reads through a supplier, so a
 * test can make one instance fail, throw an Error or request a cancel; {@code onList} runs at each listed handle with
 * the number of the listing (the export lists a store once). Counts streams opened and closed.
 */
final class InMemoryStore implements DicomStore, DicomStoreSources {
    static final String SOURCE = "memory://store";

    /** What runs while a listing yields a handle: which listing, and the index of the handle in it. */
    interface ListingHook {
        void listed(int listing, int index);
    }

    private final List<InstanceHandle> handles = new ArrayList<>();
    private final AtomicInteger listings = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile ListingHook onList = (listing, index) -> { };

    InMemoryStore add(String resource, Supplier<DicomInstance> reader) {
        handles.add(new InstanceHandle() {
            @Override
            public String resourceName() {
                return resource;
            }

            @Override
            public DicomInstance read() {
                return reader.get();
            }
        });
        return this;
    }

    InMemoryStore add(DicomInstance instance) {
        return add(instance.source(), () -> instance);
    }

    void onList(ListingHook hook) {
        this.onList = hook;
    }

    int streamsOpened() {
        return listings.get();
    }

    int streamsClosed() {
        return closed.get();
    }

    @Override
    public Stream<InstanceHandle> instances(InstanceSelector selector) {
        int listing = listings.incrementAndGet();
        AtomicInteger index = new AtomicInteger();
        return handles.stream()
                .peek(handle -> onList.listed(listing, index.getAndIncrement()))
                .onClose(closed::incrementAndGet);
    }

    @Override
    public void check(String source) {
    }

    @Override
    public DicomStore open(String source) {
        return this;
    }

    /** An instance with its three UIDs and the given elements. */
    static DicomInstance instance(String study, String series, String sop, DataElement... more) {
        List<DataElement> elements = new ArrayList<>(List.of(
                new DataElement(Tag.SOP_INSTANCE_UID, Vr.UI, Value.Text.of(sop)),
                new DataElement(Tag.STUDY_INSTANCE_UID, Vr.UI, Value.Text.of(study)),
                new DataElement(Tag.SERIES_INSTANCE_UID, Vr.UI, Value.Text.of(series))));
        elements.addAll(List.of(more));
        return new DicomInstance("/store/" + sop + ".dcm", DicomDataset.empty(), DicomDataset.of(elements), 100);
    }

    static DataElement text(int tag, Vr vr, String... values) {
        return new DataElement(new Tag(tag), vr, Value.Text.of(values));
    }
}
