package io.dicombq.application.port.out;

import java.io.InputStream;

/** Reads a filter file named by {@code filterConfig.resourcePathsGcsUri}: {@code file://…} or a plain path here. */
public interface FilterFileSource {

    /**
     * The file's bytes, decoded by the domain ({@code FilterFile.read(InputStream)}), which names the line of a byte
     * that is not UTF-8; INVALID_ARGUMENT when the URI cannot be read, naming it and why.
     */
    InputStream open(String uri);
}
