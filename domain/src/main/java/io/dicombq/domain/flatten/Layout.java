package io.dicombq.domain.flatten;

/** The two table layouts of the export (specification 1, {@code --schema=flattened|json}). */
public enum Layout {
    /** One column per element (specification 3.1-3.8); the default. */
    FLATTENED,
    /** Fixed columns and the whole instance as one JSON column (specification 3.9). */
    JSON
}
