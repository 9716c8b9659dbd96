package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.DatasetGrants;
import io.dicombq.domain.access.DatasetGrant;
import io.dicombq.domain.access.DatasetRole;

import java.util.List;

/** Dataset IAM bindings of the embedded warehouse, in the {@link OperationDatabase}. */
public final class H2DatasetGrants implements DatasetGrants {
    private final OperationDatabase database;

    public H2DatasetGrants(OperationDatabase database) {
        this.database = database;
    }

    @Override
    public void add(DatasetGrant grant) {
        database.update("MERGE INTO dataset_grants (project, dataset, member, role) KEY (project, dataset, member, role)"
                + " VALUES (?,?,?,?)", null, grant.project(), grant.dataset(), grant.member(), grant.role().iamName());
    }

    @Override
    public List<DatasetGrant> of(String project, String dataset) {
        return database.query("SELECT member, role FROM dataset_grants WHERE project = ? AND dataset = ? ORDER BY role, member",
                rows -> new DatasetGrant(project, dataset, rows.getString(1), DatasetRole.parse(rows.getString(2))), project, dataset);
    }
}
