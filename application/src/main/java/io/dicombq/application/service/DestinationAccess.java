package io.dicombq.application.service;

import io.dicombq.application.port.out.DatasetGrants;
import io.dicombq.application.port.out.DestinationAccessPolicy;
import io.dicombq.domain.access.DatasetGrant;
import io.dicombq.domain.access.ServiceAgent;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;

import java.util.Optional;

/**
 * specification 1.3: a store may write into its own project's datasets; another project's dataset must have granted the
 * store project's service agent a role that writes tables. This is the embedded warehouse's grant model
 * ({@code dicombq datasets add-iam-policy-binding}).
 */
public final class DestinationAccess implements DestinationAccessPolicy {
    private final DatasetGrants grants;

    public DestinationAccess(DatasetGrants grants) {
        this.grants = grants;
    }

    @Override
    public Optional<RpcError> check(DicomStoreName store, TableUri table) {
        if (store.project().equals(table.project())) {
            return Optional.empty();
        }
        ServiceAgent agent = ServiceAgent.of(store.project());
        for (DatasetGrant grant : grants.of(table.project(), table.dataset())) {
            if (grant.member().equals(agent.member()) && grant.role().writesTables()) {
                return Optional.empty();
            }
        }
        return Optional.of(RpcError.of(Code.PERMISSION_DENIED, "Permission denied: " + agent.email()
                + " (the service agent of project " + store.project() + ") may not write tables in dataset "
                + table.project() + "." + table.dataset() + "; grant it with: dicombq datasets add-iam-policy-binding "
                + table.project() + "." + table.dataset() + " --member=" + agent.member() + " --role=roles/bigquery.dataEditor"));
    }
}
