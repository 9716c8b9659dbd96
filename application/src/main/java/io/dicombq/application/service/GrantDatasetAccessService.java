package io.dicombq.application.service;

import io.dicombq.application.port.in.GrantDatasetAccessUseCase;
import io.dicombq.application.port.out.DatasetGrants;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.access.DatasetGrant;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.List;

/** Adds an IAM binding to an existing warehouse dataset. */
public final class GrantDatasetAccessService implements GrantDatasetAccessUseCase {
    private final DatasetGrants grants;
    private final TableSink sink;

    public GrantDatasetAccessService(DatasetGrants grants, TableSink sink) {
        this.grants = grants;
        this.sink = sink;
    }

    @Override
    public List<DatasetGrant> grant(DatasetGrant grant) {
        if (!sink.datasetExists(grant.project(), grant.dataset())) {
            throw new DicombqException(Code.NOT_FOUND, "Not found: Dataset " + grant.project() + ":" + grant.dataset()
                    + "; create it first with dicombq datasets create " + grant.project() + "." + grant.dataset());
        }
        grants.add(grant);
        return grants.of(grant.project(), grant.dataset());
    }
}
