package io.dicombq.application.port.out;

import io.dicombq.domain.access.DatasetGrant;

import java.util.List;

/** IAM bindings on warehouse datasets, for cross-project exports (specification 1.3). */
public interface DatasetGrants {

    /** Adds the binding; adding it twice is harmless. */
    void add(DatasetGrant grant);

    List<DatasetGrant> of(String project, String dataset);
}
