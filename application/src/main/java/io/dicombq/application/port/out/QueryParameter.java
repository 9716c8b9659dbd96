package io.dicombq.application.port.out;

import io.dicombq.domain.schema.ColumnType;

import java.util.Objects;

/**
 * A query parameter: its BigQuery type and value (same Java types as {@link io.dicombq.domain.schema.Row}). A request
 * names its parameters ({@code @name}) or numbers them ({@code ?}, the keys of {@link #positional}), never both, as
 * BigQuery's parameterMode is one or the other.
 */
public record QueryParameter(ColumnType type, Object value) {
    public QueryParameter {
        Objects.requireNonNull(type, "type");
    }

    /** The key of the {@code position}th {@code ?} of a query (from 1): no named parameter can be called that. */
    public static String positional(long position) {
        return "?" + position;
    }

    /** Whether {@code key} is a {@link #positional} one. */
    public static boolean isPositional(String key) {
        return key.startsWith("?");
    }
}
