package io.dicombq.adapter.out.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.CopyJobConfiguration;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobInfo.CreateDisposition;
import com.google.cloud.bigquery.JobInfo.WriteDisposition;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One export into one BigQuery table. Batches are spooled to a local NDJSON file; commit loads them with a
 * single load job into a staging table carrying the final schema, then one copy job moves them into the
 * destination with the plan's write disposition (a copy job is atomic). Staging is deleted in every case.
 */
final class BigQueryStagedWrite implements StagedWrite {
    // Staging tables older than this were left by a process that died before it could delete them.
    private static final Duration ORPHAN_AGE = Duration.ofDays(1);

    private enum State { OPEN, COMMITTED, ABORTED }

    private final BigQuery bigQuery;
    private final TableId destination;
    private final WritePlan plan;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Path spoolDirectory;
    private Path spool;
    private BufferedWriter spoolWriter;
    private long stagedRows;
    private TableId staging;
    private State state = State.OPEN;

    BigQueryStagedWrite(BigQuery bigQuery, TableId destination, WritePlan plan, Clock clock, Supplier<String> ids,
                        Path spoolDirectory) {
        this.bigQuery = bigQuery;
        this.destination = destination;
        this.plan = plan;
        this.clock = clock;
        this.ids = ids;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public void write(TableSchema schema, List<Row> rows) {
        requireOpen();
        try {
            if (spoolWriter == null) {
                spool = Files.createTempFile(spoolDirectory, "dicombq-staged-", ".ndjson");
                spoolWriter = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
            }
            NdjsonRows.append(schema, rows, spoolWriter);
            stagedRows += rows.size();
        } catch (IOException | UncheckedIOException e) {
            throw BigQueryErrors.failure(Code.INTERNAL, "cannot stage rows for " + describe(destination)
                    + " in " + spoolDirectory + ": " + e.getMessage() + "; check free space there", e);
        }
    }

    @Override
    public void commit(TableSchema finalSchema) {
        requireOpen();
        try {
            closeSpool();
            staging = createStaging(finalSchema);
            if (stagedRows > 0) {
                load(finalSchema);
            }
            if (!plan.replacesSchema()) {
                widenDestination(finalSchema);
            }
            copyIntoDestination();
            state = State.COMMITTED;
        } catch (RuntimeException e) {
            state = State.ABORTED;
            throw e;
        } finally {
            cleanUp();
        }
    }

    @Override
    public void abort() {
        if (state == State.OPEN) {
            state = State.ABORTED;
            cleanUp();
        }
    }

    @Override
    public void close() {
        abort();
    }

    private TableId createStaging(TableSchema finalSchema) {
        sweepOrphanedStaging();
        String name = stagingPrefix(destination) + ids.get().replace('-', '_');
        TableId table = TableId.of(destination.getProject(), destination.getDataset(), name);
        // No expiration or description: a copy job that creates the destination might carry them over to it.
        TableInfo info = TableInfo.of(table, StandardTableDefinition.of(BigQuerySchemas.toClient(finalSchema)));
        try {
            bigQuery.create(info);
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "creating staging table " + describe(table));
        }
        return table;
    }

    /**
     * Deletes staging tables of this destination that a killed process left behind. Staging only exists while a
     * load and a copy job run, so one older than a day belongs to no running export.
     */
    private void sweepOrphanedStaging() {
        String prefix = stagingPrefix(destination);
        long cutoff = clock.instant().minus(ORPHAN_AGE).toEpochMilli();
        try {
            for (Table table : bigQuery.listTables(DatasetId.of(destination.getProject(), destination.getDataset()),
                    BigQuery.TableListOption.pageSize(1000)).iterateAll()) {
                Long created = table.getCreationTime();
                if (table.getTableId().getTable().startsWith(prefix) && created != null && created < cutoff) {
                    bigQuery.delete(table.getTableId());
                }
            }
        } catch (BigQueryException e) {
            // Housekeeping only: the export itself must not fail because an old leftover could not be removed.
        }
    }

    static String stagingPrefix(TableId destination) {
        String prefix = destination.getTable() + "_dicombq_staging_";
        // BigQuery table names are at most 1024 bytes; a very long destination name gets a generic prefix.
        return prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 960 ? "dicombq_staging_" : prefix;
    }

    private void load(TableSchema finalSchema) {
        WriteChannelConfiguration configuration = WriteChannelConfiguration.newBuilder(staging)
                .setFormatOptions(FormatOptions.json())
                .setSchema(BigQuerySchemas.toClient(finalSchema))
                .setCreateDisposition(CreateDisposition.CREATE_NEVER)
                .setWriteDisposition(WriteDisposition.WRITE_APPEND)
                .build();
        String doing = "loading " + stagedRows + " rows into " + describe(staging);
        TableDataWriteChannel writer;
        try {
            writer = bigQuery.writer(JobId.of("dicombq_load_" + ids.get()), configuration);
            try (OutputStream out = Channels.newOutputStream(writer)) {
                Files.copy(spool, out);
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, doing);
        } catch (IOException e) {
            throw unwrapUpload(e, doing);
        }
        awaitSuccess(writer.getJob(), doing);
    }

    /** Adds the export's new columns to a table whose rows are kept; existing rows read NULL in them. */
    private void widenDestination(TableSchema finalSchema) {
        String doing = "adding columns to " + describe(destination);
        try {
            Table current = bigQuery.getTable(destination);
            if (current == null) {
                return;
            }
            TableSchema existing = BigQuerySchemas.fromClient(current.getDefinition().getSchema());
            if (!existing.equals(finalSchema)) {
                bigQuery.update(current.toBuilder()
                        .setDefinition(StandardTableDefinition.of(BigQuerySchemas.toClient(finalSchema)))
                        .build());
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, doing);
        }
    }

    private void copyIntoDestination() {
        CopyJobConfiguration configuration = CopyJobConfiguration.newBuilder(destination, staging)
                .setCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
                .setWriteDisposition(copyDisposition(plan))
                .build();
        String doing = "copying staged rows into " + describe(destination);
        Job job;
        try {
            job = bigQuery.create(JobInfo.of(JobId.of("dicombq_copy_" + ids.get()), configuration));
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, doing);
        }
        awaitSuccess(job, doing);
    }

    /** The copy job's disposition for each plan; WRITE_EMPTY keeps "only into an empty table" true at commit time. */
    static WriteDisposition copyDisposition(WritePlan plan) {
        return switch (plan) {
            case CREATE, WRITE_INTO_EMPTY -> WriteDisposition.WRITE_EMPTY;
            case OVERWRITE, TRUNCATE_THEN_WRITE -> WriteDisposition.WRITE_TRUNCATE;
            case APPEND -> WriteDisposition.WRITE_APPEND;
        };
    }

    private static void awaitSuccess(Job job, String doing) {
        try {
            Job done = job.waitFor();
            if (done == null) {
                throw BigQueryErrors.failure(Code.INTERNAL, "BigQuery lost the job " + job.getJobId() + " while " + doing);
            }
            if (done.getStatus().getError() != null) {
                throw BigQueryErrors.fromJobError(done.getStatus().getError(), doing);
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, doing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BigQueryErrors.failure(Code.CANCELLED, "interrupted while " + doing, e);
        }
    }

    private static DicombqException unwrapUpload(IOException e, String doing) {
        // The upload channel wraps the API's error in an IOException; keep BigQuery's code when there is one.
        if (e.getCause() instanceof BigQueryException bigQueryException) {
            return BigQueryErrors.fromException(bigQueryException, doing);
        }
        return BigQueryErrors.failure(Code.UNAVAILABLE, "upload to BigQuery failed while " + doing + ": " + e.getMessage(), e);
    }

    private void cleanUp() {
        try {
            closeSpool();
            if (spool != null) {
                Files.deleteIfExists(spool);
            }
        } catch (IOException e) {
            // The spool is a temporary file; failing to delete it must not hide the export's own outcome.
        }
        if (staging != null) {
            try {
                bigQuery.delete(staging);
            } catch (BigQueryException e) {
                // The next export into this table removes it once it is a day old.
            }
        }
    }

    private void closeSpool() {
        if (spoolWriter != null) {
            try {
                spoolWriter.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                spoolWriter = null;
            }
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw BigQueryErrors.failure(Code.FAILED_PRECONDITION, "the write into " + describe(destination)
                    + " is already " + state.name().toLowerCase(java.util.Locale.ROOT) + "; begin a new one");
        }
    }

    private static String describe(TableId table) {
        return "bq://" + table.getProject() + "." + table.getDataset() + "." + table.getTable();
    }
}
