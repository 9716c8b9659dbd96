package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.DicomStoreDefinition;
import io.dicombq.application.port.out.DicomStoreRegistry;
import io.dicombq.domain.operation.DicomStoreName;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Registered DICOM stores in the {@link OperationDatabase}. */
public final class H2DicomStoreRegistry implements DicomStoreRegistry {
    private static final String SELECT = "SELECT name, source, create_time FROM dicom_stores ";

    private final OperationDatabase database;

    public H2DicomStoreRegistry(OperationDatabase database) {
        this.database = database;
    }

    @Override
    public void create(DicomStoreDefinition store) {
        DicomStoreName name = store.name();
        database.update("INSERT INTO dicom_stores (name, project, location, dataset, source, create_time) VALUES (?,?,?,?,?,?)",
                "DICOM store " + name + " already exists; delete it first or choose another ID",
                name.toString(), name.project(), name.location(), name.dataset(), store.source(), store.createTime().toString());
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
    public List<String> datasets() {
        return database.query("SELECT DISTINCT project, location, dataset FROM dicom_stores ORDER BY project, location, dataset",
                rows -> "projects/" + rows.getString(1) + "/locations/" + rows.getString(2) + "/datasets/" + rows.getString(3));
    }

    @Override
    public boolean delete(DicomStoreName name) {
        return database.update("DELETE FROM dicom_stores WHERE name = ?", null, name.toString()) > 0;
    }

    private List<DicomStoreDefinition> select(String condition, Object... parameters) {
        return database.query(SELECT + condition, rows -> new DicomStoreDefinition(DicomStoreName.parse(rows.getString(1)),
                rows.getString(2), Instant.parse(rows.getString(3))), parameters);
    }
}
