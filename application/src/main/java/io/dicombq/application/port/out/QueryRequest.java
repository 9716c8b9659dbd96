package io.dicombq.application.port.out;

import java.util.Map;
import java.util.Objects;

/**
 * A query: its text (standard SQL unless it starts with {@code #legacySQL} or {@code legacySql} is set), the
 * project that unqualified {@code dataset.table} paths belong to, and named {@code @parameters}.
 */
public record QueryRequest(String sql, String defaultProject, Map<String, QueryParameter> parameters, boolean legacySql) {
    public QueryRequest {
        Objects.requireNonNull(sql, "sql");
        parameters = Map.copyOf(parameters);
    }

    public static QueryRequest of(String sql, String defaultProject) {
        return new QueryRequest(sql, defaultProject, Map.of(), false);
    }
}
