package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.DicomStoreDefinition;
import io.dicombq.application.port.out.DicomStoreRegistry;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registered DICOM stores in the {@link OperationDatabase}. */
public final class H2DicomStoreRegistry implements DicomStoreRegistry {
    private final OperationDatabase database;

    public H2DicomStoreRegistry(OperationDatabase database) {
        this.database = database;
    }

    @Override
    public void create(DicomStoreDefinition store) {
        String sql = "INSERT INTO dicom_stores (name, project, location, dataset, source, create_time) VALUES (?,?,?,?,?,?)";
        try (Connection connection = database.connection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            DicomStoreName name = store.name();
            insert.setString(1, name.toString());
            insert.setString(2, name.project());
            insert.setString(3, name.location());
            insert.setString(4, name.dataset());
            insert.setString(5, store.source());
            insert.setString(6, store.createTime().toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                throw new DicombqException(Code.ALREADY_EXISTS, "DICOM store " + store.name() + " already exists;"
                        + " delete it first or choose another ID");
            }
            throw OperationDatabase.failure("register DICOM store " + store.name(), e);
        }
    }

    @Override
    public Optional<DicomStoreDefinition> find(DicomStoreName name) {
        return select("WHERE name = ?", name.toString()).stream().findFirst();
    }

    @Override
    public List<DicomStoreDefinition> list(String project, String location, String dataset) {
        return select("WHERE project = ? AND location = ? AND dataset = ? ORDER BY name", project, location, dataset);
    }

    @Override
    public boolean delete(DicomStoreName name) {
        try (Connection connection = database.connection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM dicom_stores WHERE name = ?")) {
            delete.setString(1, name.toString());
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw OperationDatabase.failure("delete DICOM store " + name, e);
        }
    }

    private List<DicomStoreDefinition> select(String condition, String... parameters) {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement("SELECT name, source, create_time FROM dicom_stores " + condition)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<DicomStoreDefinition> stores = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stores.add(new DicomStoreDefinition(DicomStoreName.parse(rows.getString(1)), rows.getString(2),
                            Instant.parse(rows.getString(3))));
                }
            }
            return stores;
        } catch (SQLException e) {
            throw OperationDatabase.failure("read DICOM stores", e);
        }
    }
}
