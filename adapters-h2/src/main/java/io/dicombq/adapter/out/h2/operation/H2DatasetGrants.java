package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.DatasetGrants;
import io.dicombq.domain.access.DatasetGrant;
import io.dicombq.domain.access.DatasetRole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Dataset IAM bindings of the embedded warehouse, in the {@link OperationDatabase}. */
public final class H2DatasetGrants implements DatasetGrants {
    private final OperationDatabase database;

    public H2DatasetGrants(OperationDatabase database) {
        this.database = database;
    }

    @Override
    public void add(DatasetGrant grant) {
        String sql = "MERGE INTO dataset_grants (project, dataset, member, role) KEY (project, dataset, member, role) VALUES (?,?,?,?)";
        try (Connection connection = database.connection(); PreparedStatement merge = connection.prepareStatement(sql)) {
            merge.setString(1, grant.project());
            merge.setString(2, grant.dataset());
            merge.setString(3, grant.member());
            merge.setString(4, grant.role().iamName());
            merge.executeUpdate();
        } catch (SQLException e) {
            throw OperationDatabase.failure("grant " + grant.role().iamName() + " on " + grant.project() + "." + grant.dataset(), e);
        }
    }

    @Override
    public List<DatasetGrant> of(String project, String dataset) {
        String sql = "SELECT member, role FROM dataset_grants WHERE project = ? AND dataset = ? ORDER BY role, member";
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, project);
            query.setString(2, dataset);
            List<DatasetGrant> grants = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    grants.add(new DatasetGrant(project, dataset, rows.getString(1), DatasetRole.parse(rows.getString(2))));
                }
            }
            return grants;
        } catch (SQLException e) {
            throw OperationDatabase.failure("read the grants of " + project + "." + dataset, e);
        }
    }
}
