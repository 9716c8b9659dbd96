package io.dicombq.domain.destination;

import java.util.Objects;

/** A BigQuery table address {@code bq://PROJECT.DATASET.TABLE} (BEHAVIOUR 1.1). */
public record TableUri(String project, String dataset, String table) {
    public TableUri {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(table, "table");
    }

    /** {@code PROJECT.DATASET.TABLE}, as a BigQuery standard SQL path. */
    public String path() {
        return project + "." + dataset + "." + table;
    }

    @Override
    public String toString() {
        return "bq://" + path();
    }
}
