package io.dicombq.domain.schema;

/** BigQuery column modes ({@code schema.fields[].mode}). */
public enum Mode {
    NULLABLE, REQUIRED, REPEATED
}
