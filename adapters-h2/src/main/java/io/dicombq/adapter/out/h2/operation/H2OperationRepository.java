package io.dicombq.adapter.out.h2.operation;

import io.dicombq.application.port.out.ExportJob;
import io.dicombq.domain.flatten.Layout;
import io.dicombq.application.port.out.OperationRepository;
import io.dicombq.application.port.out.WorkerId;
import io.dicombq.domain.destination.DestinationOptions;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WriteDisposition;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.operation.Operation;
import io.dicombq.domain.operation.OperationCounter;
import io.dicombq.domain.operation.OperationMetadata;
import io.dicombq.domain.operation.OperationName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operations and their export jobs in the {@link OperationDatabase}. */
public final class H2OperationRepository implements OperationRepository {
    private static final String COLUMNS = "name, project, location, dataset, create_time, end_time, done, error_code,"
            + " error_message, cancel_requested, logs_url, success, failure, pending, owner, store_name, store_source,"
            + " table_uri, force, write_disposition, include_source_store, layout, filter_uri";
    private static final String READ_COLUMNS = COLUMNS + ", committing";

    private final OperationDatabase database;

    public H2OperationRepository(OperationDatabase database) {
        this.database = database;
    }

    @Override
    public void create(Operation operation, ExportJob job, WorkerId owner) {
        OperationName name = operation.name();
        OperationMetadata metadata = operation.metadata();
        database.update("INSERT INTO operations (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                "Operation " + name + " already exists",
                name.toString(), name.project(), name.location(), name.dataset(), metadata.createTime().toString(),
                metadata.endTime().map(Instant::toString).orElse(null), operation.done(),
                operation.error().map(error -> error.code().number()).orElse(null),
                operation.error().map(RpcError::message).orElse(null), metadata.cancelRequested(), metadata.logsUrl(),
                operation.counter().success(), operation.counter().failure(), operation.counter().pending(), owner.value(),
                job.store().toString(), job.storeSource(), job.table().toString(), job.options().force().orElse(null),
                job.options().writeDisposition().map(Enum::name).orElse(null), job.includeSourceStore(), job.layout().name(),
                job.filterUri().orElse(null));
    }

    /** Counters, done, error and end time; the cancel flag is only ever set by {@link #requestCancel}. */
    @Override
    public void update(Operation operation) {
        database.update("UPDATE operations SET end_time = ?, done = ?, error_code = ?, error_message = ?, success = ?,"
                        + " failure = ?, pending = ? WHERE name = ? AND NOT done", null,
                operation.metadata().endTime().map(Instant::toString).orElse(null), operation.done(),
                operation.error().map(error -> error.code().number()).orElse(null),
                operation.error().map(RpcError::message).orElse(null), operation.counter().success(),
                operation.counter().failure(), operation.counter().pending(), operation.name().toString());
    }

    @Override
    public Optional<Operation> requestCancel(OperationName name) {
        database.update("UPDATE operations SET cancel_requested = TRUE WHERE name = ? AND NOT done", null, name.toString());
        return find(name).map(StoredOperation::operation);
    }

    @Override
    public void markCommitting(OperationName name) {
        database.update("UPDATE operations SET committing = TRUE WHERE name = ?", null, name.toString());
    }

    @Override
    public void transferOwnership(OperationName name, WorkerId owner) {
        database.update("UPDATE operations SET owner = ? WHERE name = ?", null, owner.value(), name.toString());
    }

    @Override
    public Optional<StoredOperation> find(OperationName name) {
        return select("WHERE name = ?", name.toString()).stream().findFirst();
    }

    @Override
    public List<StoredOperation> list(String project, String location, String dataset) {
        return select("WHERE project = ? AND location = ? AND dataset = ? ORDER BY seq DESC", project, location, dataset);
    }

    private List<StoredOperation> select(String condition, Object... parameters) {
        return database.query("SELECT " + READ_COLUMNS + " FROM operations " + condition, H2OperationRepository::read, parameters);
    }

    private static StoredOperation read(ResultSet rows) throws SQLException {
        OperationName name = OperationName.parse(rows.getString("name"));
        Optional<Instant> end = Optional.ofNullable(rows.getString("end_time")).map(Instant::parse);
        OperationCounter counter = new OperationCounter(rows.getLong("success"), rows.getLong("failure"), rows.getLong("pending"));
        OperationMetadata metadata = new OperationMetadata(OperationMetadata.EXPORT_METHOD,
                Instant.parse(rows.getString("create_time")), end, rows.getBoolean("cancel_requested"),
                rows.getString("logs_url"), counter);
        int code = rows.getInt("error_code");
        Optional<RpcError> error = rows.wasNull() ? Optional.empty()
                : Optional.of(RpcError.of(Code.ofNumber(code), rows.getString("error_message")));
        Operation operation = new Operation(name, rows.getBoolean("done"), error, metadata);
        boolean force = rows.getBoolean("force");
        Boolean forceOption = rows.wasNull() ? null : force;
        String disposition = rows.getString("write_disposition");
        ExportJob job = new ExportJob(DicomStoreName.parse(rows.getString("store_name")), rows.getString("store_source"),
                TableUri.parse(rows.getString("table_uri")),
                DestinationOptions.of(forceOption, disposition == null ? null : WriteDisposition.valueOf(disposition)),
                rows.getBoolean("include_source_store"), Layout.valueOf(rows.getString("layout")),
                Optional.ofNullable(rows.getString("filter_uri")));
        return new StoredOperation(operation, job, new WorkerId(rows.getString("owner")),
                rows.getBoolean("committing"));
    }
}
