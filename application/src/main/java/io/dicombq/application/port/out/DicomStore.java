package io.dicombq.application.port.out;

import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.stream.Stream;

/**
 * A source of DICOM instances: a folder of Part 10 files, a DICOMweb server. Listing is lazy and reading is
 * separate, so the caller parses instances in parallel with bounded memory whatever the store's size.
 */
public interface DicomStore {

    /**
     * The store's instances, pruned by the selector as early as the store can (a DICOMweb store before any
     * read; a folder store only after reading, so the caller checks the selector again). The caller closes
     * the stream. A store that cannot be listed at all throws {@link io.dicombq.domain.status.DicombqException}.
     */
    Stream<InstanceHandle> instances(InstanceSelector selector);

    /**
     * The listing split into parts that can be listed independently, in parallel (a DICOMweb store's studies, pruned
     * by the selector); {@link #instances(String, InstanceSelector)} lists one. By default one part, the whole store.
     * The caller closes the stream.
     */
    default Stream<String> listingParts(InstanceSelector selector) {
        return Stream.of(WHOLE_STORE);
    }

    /** The instances of one part named by {@link #listingParts}, pruned as {@link #instances(InstanceSelector)} prunes. */
    default Stream<InstanceHandle> instances(String part, InstanceSelector selector) {
        if (!part.equals(WHOLE_STORE)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "'" + part + "' is not a listing part of " + this);
        }
        return instances(selector);
    }

    /** The one listing part of a store that does not split its listing. */
    String WHOLE_STORE = "";

    /**
     * The handle of an instance this store listed, found again from its {@link InstanceHandle#resourceName()}: a
     * distributed export lists in one process and reads in others. INVALID_ARGUMENT when the name is not one of
     * this store's.
     */
    default InstanceHandle handle(String resourceName) {
        throw new DicombqException(Code.UNIMPLEMENTED, this + " cannot reopen an instance by its name ("
                + resourceName + "); it cannot be read by a distributed export");
    }
}
