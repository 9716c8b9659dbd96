package io.dicombq.application.port.out;

import io.dicombq.domain.schema.ColumnType;

import java.util.Objects;

/** A named query parameter: its BigQuery type and value (same Java types as {@link io.dicombq.domain.schema.Row}). */
public record QueryParameter(ColumnType type, Object value) {
    public QueryParameter {
        Objects.requireNonNull(type, "type");
    }
}
