package io.dicombq.application.service;

import io.dicombq.application.port.out.FilterFileSource;
import io.dicombq.domain.filter.FilterFile;
import io.dicombq.domain.filter.InstanceSelector;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads an export's filter file (specification 4) into a selector; no filter selects everything. */
final class Filters {
    private final FilterFileSource source;

    Filters(FilterFileSource source) {
        this.source = source;
    }

    /** INVALID_ARGUMENT naming the file and, for a bad line, its number. */
    InstanceSelector selector(Optional<String> filterUri) {
        if (filterUri.isEmpty()) {
            return InstanceSelector.all();
        }
        String uri = filterUri.get();
        try (InputStream in = source.open(uri)) {
            return FilterFile.named(uri).read(in);
        } catch (IOException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "Filter file " + uri + " could not be read: " + e.getMessage());
        }
    }
}
