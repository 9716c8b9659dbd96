package io.dicombq.pipeline.beam;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.services.bigquery.Bigquery;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobConfiguration;
import com.google.api.services.bigquery.model.JobConfigurationTableCopy;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.auth.Credentials;
import com.google.auth.http.HttpCredentialsAdapter;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.extensions.gcp.util.Transport;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.options.PipelineOptions;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;

/**
 * The driver's own BigQuery calls, around what BigQueryIO loads: the destination's state and schema before the
 * pipeline runs, then the commit as the production adapter does it (widen the destination when its columns are
 * kept, one copy job from staging with the plan's disposition, a copy job being atomic) and the staging table's
 * removal. Same endpoint and credentials as the pipeline's BigQueryIO ({@code --bigQueryEndpoint}, …).
 */
final class BigQueryTables {
    private static final String DEFAULT_ROOT = "https://bigquery.googleapis.com/";
    private static final long POLL_MILLIS = 200;
    private static final int READ_TIMEOUT_MILLIS = (int) java.time.Duration.ofMinutes(30).toMillis();

    private final Bigquery client;

    private BigQueryTables(Bigquery client) {
        this.client = client;
    }

    static BigQueryTables of(PipelineOptions options) {
        Credentials credentials = options.as(GcpOptions.class).getGcpCredential();
        HttpRequestInitializer authorize = credentials == null ? request -> { } : new HttpCredentialsAdapter(credentials);
        HttpRequestInitializer initializer = request -> {
            authorize.initialize(request);
            // BigQuery answers jobs.insert at once and the driver polls; a BigQuery-compatible endpoint such as the
            // dicombq emulator may run the whole copy job within the call, which the client's 20 s default cuts off.
            request.setReadTimeout(READ_TIMEOUT_MILLIS);
        };
        String endpoint = options.as(BigQueryOptions.class).getBigQueryEndpoint();
        String root = endpoint == null || endpoint.isEmpty() ? DEFAULT_ROOT : endpoint.endsWith("/") ? endpoint : endpoint + "/";
        return new BigQueryTables(new Bigquery.Builder(Transport.getTransport(), Transport.getJsonFactory(), initializer)
                .setRootUrl(root).setApplicationName("dicombq").build());
    }

    /** As BigQueryIO names a table: {@code project:dataset.table}. */
    static String spec(TableUri table) {
        return BigQueryHelpers.toTableSpec(reference(table));
    }

    static TableReference reference(TableUri table) {
        return new TableReference().setProjectId(table.project()).setDatasetId(table.dataset()).setTableId(table.table());
    }

    /** A staging table beside the destination, named after it so a leftover says whose it was. */
    static TableUri staging(TableUri destination) {
        String prefix = destination.table() + "_dicombq_staging_";
        // BigQuery table names are at most 1024 bytes; a very long destination name gets a generic prefix.
        if (prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 960) {
            prefix = "dicombq_staging_";
        }
        return new TableUri(destination.project(), destination.dataset(), prefix + UUID.randomUUID().toString().replace('-', '_'));
    }

    /** The destination's state; NOT_FOUND when its dataset does not exist (specification 1.2). */
    TableState state(TableUri table) {
        Optional<Table> found = table(table);
        if (found.isEmpty()) {
            try {
                client.datasets().get(table.project(), table.dataset()).execute();
            } catch (IOException e) {
                throw failure(e, "reading dataset " + table.project() + ":" + table.dataset());
            }
            return TableState.ABSENT;
        }
        BigInteger rows = found.get().getNumRows();
        return rows == null || rows.signum() == 0 ? TableState.EMPTY : TableState.HAS_ROWS;
    }

    Optional<TableSchema> schema(TableUri table) {
        return table(table).map(BigQueryTables::schemaOf);
    }

    boolean exists(TableUri table) {
        return table(table).isPresent();
    }

    void create(TableUri table, TableSchema schema) {
        Table resource = new Table().setTableReference(reference(table)).setSchema(toBigQuery(schema));
        try {
            client.tables().insert(table.project(), table.dataset(), resource).execute();
        } catch (IOException e) {
            throw failure(e, "creating table " + table);
        }
    }

    /** Adds the export's new columns to a table whose rows are kept; existing rows read NULL in them. */
    void widen(TableUri table, TableSchema finalSchema) {
        Optional<Table> current = table(table);
        if (current.isEmpty() || schemaOf(current.get()).equals(finalSchema)) {
            return;
        }
        try {
            client.tables().patch(table.project(), table.dataset(), table.table(),
                    new Table().setSchema(toBigQuery(finalSchema))).execute();
        } catch (IOException e) {
            throw failure(e, "adding columns to " + table);
        }
    }

    /** One copy job from staging into the destination with the plan's disposition; waits for it to end. */
    void copy(TableUri staging, TableUri destination, WritePlan plan) {
        JobReference reference = new JobReference().setProjectId(destination.project())
                .setJobId("dicombq_copy_" + UUID.randomUUID().toString().replace('-', '_'));
        JobConfigurationTableCopy copy = new JobConfigurationTableCopy()
                .setSourceTable(reference(staging)).setDestinationTable(reference(destination))
                .setCreateDisposition("CREATE_IF_NEEDED").setWriteDisposition(copyDisposition(plan));
        String doing = "copying staged rows into " + destination;
        try {
            Job job = client.jobs().insert(destination.project(),
                    new Job().setJobReference(reference).setConfiguration(new JobConfiguration().setCopy(copy))).execute();
            while (job.getStatus() == null || !"DONE".equals(job.getStatus().getState())) {
                Thread.sleep(POLL_MILLIS);
                job = client.jobs().get(reference.getProjectId(), reference.getJobId())
                        .setLocation(job.getJobReference().getLocation()).execute();
            }
            if (job.getStatus().getErrorResult() != null) {
                throw new DicombqException(Code.FAILED_PRECONDITION, "BigQuery failed " + doing + ": "
                        + job.getStatus().getErrorResult().getMessage() + "; the destination table is unchanged");
            }
        } catch (IOException e) {
            throw failure(e, doing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DicombqException(Code.CANCELLED, "interrupted while " + doing);
        }
    }

    /** The copy job's disposition for each plan; WRITE_EMPTY keeps "only into an empty table" true at commit time. */
    static String copyDisposition(WritePlan plan) {
        return switch (plan) {
            case CREATE, WRITE_INTO_EMPTY -> "WRITE_EMPTY";
            case OVERWRITE, TRUNCATE_THEN_WRITE -> "WRITE_TRUNCATE";
            case APPEND -> "WRITE_APPEND";
        };
    }

    /** Deletes a table if it is there; housekeeping, so a failure is not the export's. */
    void deleteQuietly(TableUri table) {
        try {
            client.tables().delete(table.project(), table.dataset(), table.table()).execute();
        } catch (IOException e) {
            // A staging table left behind holds no destination rows; the next export's operator may delete it.
        }
    }

    private Optional<Table> table(TableUri table) {
        try {
            return Optional.of(client.tables().get(table.project(), table.dataset(), table.table()).execute());
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw failure(e, "reading table " + table);
        } catch (IOException e) {
            throw failure(e, "reading table " + table);
        }
    }

    private static TableSchema schemaOf(Table table) {
        if (table.getSchema() == null || table.getSchema().getFields() == null) {
            return TableSchema.empty();
        }
        return SchemaJson.parse(BigQueryHelpers.toJsonString(table.getSchema().getFields()));
    }

    static com.google.api.services.bigquery.model.TableSchema toBigQuery(TableSchema schema) {
        return BigQueryHelpers.fromJsonString("{\"fields\":" + SchemaJson.write(schema) + "}",
                com.google.api.services.bigquery.model.TableSchema.class);
    }

    private static DicombqException failure(IOException e, String doing) {
        if (e instanceof GoogleJsonResponseException response) {
            Code code = switch (response.getStatusCode()) {
                case 400 -> Code.INVALID_ARGUMENT;
                case 403 -> Code.PERMISSION_DENIED;
                case 404 -> Code.NOT_FOUND;
                case 409 -> Code.ALREADY_EXISTS;
                default -> Code.UNAVAILABLE;
            };
            String message = response.getDetails() == null ? response.getMessage() : response.getDetails().getMessage();
            return new DicombqException(code, "BigQuery refused " + doing + ": " + message);
        }
        return new DicombqException(Code.UNAVAILABLE, "BigQuery could not be reached while " + doing + ": " + e);
    }
}
