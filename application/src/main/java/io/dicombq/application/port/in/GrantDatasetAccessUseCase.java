package io.dicombq.application.port.in;

import io.dicombq.domain.access.DatasetGrant;

import java.util.List;

/** datasets add-iam-policy-binding: lets a member (e.g. another project's store service agent) use a dataset. */
public interface GrantDatasetAccessUseCase {

    /** The dataset's bindings after adding this one; NOT_FOUND when the dataset does not exist. */
    List<DatasetGrant> grant(DatasetGrant grant);
}
