package io.dicombq.application.port.out;

/** The table layout of an export: {@code schemaFlattened} (the default) or {@code schemaJson} (BEHAVIOUR 3 / 3.9). */
public enum ExportLayout {
    FLATTENED, JSON
}
