package io.dicombq.application.port.out;

import java.io.BufferedReader;

/** Reads a filter file named by {@code filterConfig.resourcePathsGcsUri}: {@code file://…} or a plain path here. */
public interface FilterFileSource {

    /** INVALID_ARGUMENT when the URI cannot be read, naming it and why. */
    BufferedReader open(String uri);
}
