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

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One export into one BigQuery table. Batches are spooled to local NDJSON segments; whenever a segment is large enough
 * and no load runs, a background load job appends it to a staging table (ALLOW_FIELD_ADDITION: the export's schema
 * only grows), so BigQuery loads while the export reads. Commit loads the rest so that staging ends with exactly the
 * final schema, in its order, then one copy job moves the rows into the destination with the plan's write
 * disposition (a copy job is atomic). Staging is deleted in every case.
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
    private final NdjsonSpool spool;
    private final SpoolLoading loading;
    private final LoadInFlight loads;
    /** Every staging table created, deleted at the end; written by the background load, read after it settled. */
    private final List<TableId> stagingTables = new CopyOnWriteArrayList<>();
    /** The staging table the rows go to; set by the first background load or at commit. */
    private volatile TableId staging;
    private long loadedBytes;
    private State state = State.OPEN;

    BigQueryStagedWrite(BigQuery bigQuery, TableId destination, WritePlan plan, Clock clock, Supplier<String> ids,
                        Path spoolDirectory, SpoolLoading loading) {
        this.bigQuery = bigQuery;
        this.destination = destination;
        this.plan = plan;
        this.clock = clock;
        this.ids = ids;
        this.spoolDirectory = spoolDirectory;
        this.spool = new NdjsonSpool(spoolDirectory);
        this.loading = loading;
        this.loads = new LoadInFlight(loading.executor());
    }

    @Override
    public void write(TableSchema schema, List<Row> rows) {
        requireOpen();
        try {
            spool.append(schema, rows);
            if (loads.idle()) {
                loads.await("loading staged rows into staging for " + describe(destination));
                if (spool.pendingChars() >= loading.segmentBytes(loadedBytes)) {
                    loadedBytes += spool.pendingChars();
                    NdjsonSpool.Segment segment = spool.cut().orElseThrow();
                    loads.start(() -> loadInBackground(segment));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw BigQueryErrors.failure(Code.INTERNAL, "cannot stage rows for " + describe(destination)
                    + " in " + spoolDirectory + ": " + e.getMessage() + "; check free space there", e);
        }
    }

    @Override
    public void commit(TableSchema finalSchema) {
        requireOpen();
        try {
            loads.await("loading staged rows into staging for " + describe(destination));
            stage(finalSchema, cutTail());
            if (!plan.replacesSchema()) {
                widenDestination(finalSchema);
            }
            copy(staging, destination, copyDisposition(plan), CreateDisposition.CREATE_IF_NEEDED,
                    "copying staged rows into " + describe(destination));
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

    /** Appends a segment to staging, creating staging with the segment's schema for the first one. */
    private void loadInBackground(NdjsonSpool.Segment segment) {
        if (staging == null) {
            staging = createStaging(segment.schema());
        }
        load(staging, List.of(segment.file()), segment.schema(), segment.rows(), true);
    }

    private Optional<NdjsonSpool.Segment> cutTail() {
        try {
            return spool.cut();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leaves a staging table with every staged row and exactly {@code finalSchema}. When the background loads grew
     * staging only at the end, the tail's load adds the rest in place; when they grew it in another order (BigQuery
     * appends what it adds), a table of the final schema is created and staging copied into it by name; when a column
     * changed type (an append's existing STRING column), the whole spool is loaded again.
     */
    private void stage(TableSchema finalSchema, Optional<NdjsonSpool.Segment> tail) {
        if (staging == null) {
            staging = createStaging(finalSchema);
            if (tail.isPresent()) {
                load(staging, List.of(tail.get().file()), finalSchema, tail.get().rows(), false);
            }
            return;
        }
        TableSchema staged = stagedSchema();
        if (StagingSchemas.growsInPlace(staged.columns(), finalSchema.columns())) {
            if (tail.isPresent()) {
                load(staging, List.of(tail.get().file()), finalSchema, tail.get().rows(), true);
            } else if (!staged.equals(finalSchema)) {
                replaceSchema(staging, finalSchema, "adding columns to " + describe(staging));
            }
        } else if (StagingSchemas.copiesInto(staged.columns(), finalSchema.columns())) {
            TableId grown = staging;
            staging = createStaging(finalSchema);
            copy(grown, staging, WriteDisposition.WRITE_APPEND, CreateDisposition.CREATE_NEVER,
                    "copying staged rows into " + describe(staging) + " in the final column order");
            if (tail.isPresent()) {
                load(staging, List.of(tail.get().file()), finalSchema, tail.get().rows(), false);
            }
        } else {
            staging = createStaging(finalSchema);
            load(staging, spool.files(), finalSchema, spool.totalRows(), false);
        }
    }

    private TableSchema stagedSchema() {
        try {
            Table table = bigQuery.getTable(staging);
            if (table == null) {
                throw BigQueryErrors.failure(Code.NOT_FOUND, "staging table " + describe(staging)
                        + " was deleted while the export ran; run the export again");
            }
            return BigQuerySchemas.fromClient(table.getDefinition().getSchema());
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "reading staging table " + describe(staging));
        }
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
        stagingTables.add(table);
        return table;
    }

    /**
     * Deletes staging tables of this destination that a killed process left behind. Staging only exists while an
     * export runs, so one older than a day belongs to no running export.
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

    /**
     * One load job appending {@code files}, in order, to {@code table}; {@code addFields} lets it add the columns of
     * {@code schema} that the table lacks (at the end, as BigQuery does).
     */
    private void load(TableId table, List<Path> files, TableSchema schema, long rows, boolean addFields) {
        WriteChannelConfiguration.Builder configuration = WriteChannelConfiguration.newBuilder(table)
                .setFormatOptions(FormatOptions.json())
                .setSchema(BigQuerySchemas.toClient(schema))
                .setCreateDisposition(CreateDisposition.CREATE_NEVER)
                .setWriteDisposition(WriteDisposition.WRITE_APPEND);
        if (addFields) {
            configuration.setSchemaUpdateOptions(List.of(JobInfo.SchemaUpdateOption.ALLOW_FIELD_ADDITION));
        }
        String doing = "loading " + rows + " rows into " + describe(table);
        TableDataWriteChannel writer;
        try {
            writer = bigQuery.writer(JobId.of("dicombq_load_" + ids.get()), configuration.build());
            try (OutputStream out = Channels.newOutputStream(writer)) {
                for (Path file : files) {
                    Files.copy(file, out);
                }
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
                update(current, finalSchema);
            }
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, doing);
        }
    }

    /** A schema update of staging that only adds columns at the end (the caller checked so). */
    private void replaceSchema(TableId table, TableSchema schema, String doing) {
        try {
            update(bigQuery.getTable(table), schema);
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, doing);
        }
    }

    private void update(Table current, TableSchema schema) {
        bigQuery.update(current.toBuilder()
                .setDefinition(StandardTableDefinition.of(BigQuerySchemas.toClient(schema)))
                .build());
    }

    private void copy(TableId from, TableId to, WriteDisposition write, CreateDisposition create, String doing) {
        CopyJobConfiguration configuration = CopyJobConfiguration.newBuilder(to, from)
                .setCreateDisposition(create)
                .setWriteDisposition(write)
                .build();
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

    /** Waits for the load in flight (a table deleted under it could be created again), then deletes spool and staging. */
    private void cleanUp() {
        loads.settle();
        spool.deleteAll();
        for (TableId table : stagingTables) {
            try {
                bigQuery.delete(table);
            } catch (BigQueryException e) {
                // The next export into this table removes it once it is a day old.
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
