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
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Operations and their export jobs in the {@link OperationDatabase}. */
public final class H2OperationRepository implements OperationRepository {
    private static final String COLUMNS = "name, project, location, dataset, create_time, end_time, done, error_code,"
            + " error_message, cancel_requested, logs_url, success, failure, pending, owner, store_name, store_source,"
            + " table_uri, force, write_disposition, include_source_store, layout, filter_uri";

    private final OperationDatabase database;

    public H2OperationRepository(OperationDatabase database) {
        this.database = database;
    }

    @Override
    public void create(Operation operation, ExportJob job, WorkerId owner) {
        String sql = "INSERT INTO operations (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection connection = database.connection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            OperationName name = operation.name();
            insert.setString(1, name.toString());
            insert.setString(2, name.project());
            insert.setString(3, name.location());
            insert.setString(4, name.dataset());
            insert.setString(5, operation.metadata().createTime().toString());
            insert.setString(6, operation.metadata().endTime().map(Instant::toString).orElse(null));
            insert.setBoolean(7, operation.done());
            setError(insert, 8, operation.error());
            insert.setBoolean(10, operation.metadata().cancelRequested());
            insert.setString(11, operation.metadata().logsUrl());
            setCounter(insert, 12, operation.counter());
            insert.setString(15, owner.value());
            insert.setString(16, job.store().toString());
            insert.setString(17, job.storeSource());
            insert.setString(18, job.table().toString());
            if (job.options().force().isPresent()) {
                insert.setBoolean(19, job.options().force().get());
            } else {
                insert.setNull(19, Types.BOOLEAN);
            }
            insert.setString(20, job.options().writeDisposition().map(Enum::name).orElse(null));
            insert.setBoolean(21, job.includeSourceStore());
            insert.setString(22, job.layout().name());
            insert.setString(23, job.filterUri().orElse(null));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                throw new DicombqException(Code.ALREADY_EXISTS, "Operation " + operation.name() + " already exists");
            }
            throw OperationDatabase.failure("store operation " + operation.name(), e);
        }
    }

    /** Counters, done, error and end time; the cancel flag is only ever set by {@link #requestCancel}. */
    @Override
    public void update(Operation operation) {
        String sql = "UPDATE operations SET end_time = ?, done = ?, error_code = ?, error_message = ?, success = ?,"
                + " failure = ?, pending = ? WHERE name = ? AND NOT done";
        try (Connection connection = database.connection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, operation.metadata().endTime().map(Instant::toString).orElse(null));
            update.setBoolean(2, operation.done());
            setError(update, 3, operation.error());
            setCounter(update, 5, operation.counter());
            update.setString(8, operation.name().toString());
            update.executeUpdate();
        } catch (SQLException e) {
            throw OperationDatabase.failure("update operation " + operation.name(), e);
        }
    }

    @Override
    public Optional<Operation> requestCancel(OperationName name) {
        execute("UPDATE operations SET cancel_requested = TRUE WHERE name = ? AND NOT done", name.toString(), null);
        return find(name).map(StoredOperation::operation);
    }

    @Override
    public void transferOwnership(OperationName name, WorkerId owner) {
        execute("UPDATE operations SET owner = ? WHERE name = ?", owner.value(), name.toString());
    }

    @Override
    public Optional<StoredOperation> find(OperationName name) {
        List<StoredOperation> found = select("WHERE name = ?", name.toString());
        return found.stream().findFirst();
    }

    @Override
    public List<StoredOperation> list(String project, String location, String dataset) {
        return select("WHERE project = ? AND location = ? AND dataset = ? ORDER BY seq DESC", project, location, dataset);
    }

    private void execute(String sql, String first, String second) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, first);
            if (second != null) {
                statement.setString(2, second);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw OperationDatabase.failure("update operations", e);
        }
    }

    private List<StoredOperation> select(String condition, String... parameters) {
        String sql = "SELECT " + COLUMNS + " FROM operations " + condition;
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<StoredOperation> result = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.add(read(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw OperationDatabase.failure("read operations", e);
        }
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
        return new StoredOperation(operation, job, new WorkerId(rows.getString("owner")));
    }

    private static void setError(PreparedStatement statement, int index, Optional<RpcError> error) throws SQLException {
        if (error.isPresent()) {
            statement.setInt(index, error.get().code().number());
            statement.setString(index + 1, error.get().message());
        } else {
            statement.setNull(index, Types.INTEGER);
            statement.setNull(index + 1, Types.VARCHAR);
        }
    }

    private static void setCounter(PreparedStatement statement, int index, OperationCounter counter) throws SQLException {
        statement.setLong(index, counter.success());
        statement.setLong(index + 1, counter.failure());
        statement.setLong(index + 2, counter.pending());
    }
}
