package io.dicombq.adapter.out.bigquery;

import com.google.cloud.RetryOption;
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
import com.google.cloud.bigquery.LoadConfiguration;
import com.google.cloud.bigquery.LoadJobConfiguration;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.dicombq.application.file.UncachedInput;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One export into one BigQuery table. Batches are spooled to local NDJSON segments; whenever a segment is large enough
 * and no load runs, a background load job loads it into a staging table of its own, so BigQuery loads while the export
 * reads. Commit brings every staging table to the final schema, in its order, loads the rest into one more, and one
 * copy job of them all moves the rows into the destination with the plan's write disposition (a copy job is atomic).
 * When no segment was loaded during the export, commit loads every row with one load job straight into the destination
 * instead (a load job is atomic too), with no staging table to fill and copy. Staging is deleted in every case.
 */
final class BigQueryStagedWrite implements StagedWrite {
    // Staging tables older than this were left by a process that died before it could delete them.
    private static final Duration ORPHAN_AGE = Duration.ofDays(1);

    private enum State { OPEN, COMMITTED, ABORTED }

    /**
     * How a running job is polled: the client's default waits 1 s, then up to twice as long each time (at most a
     * minute), so a job that ends after 17 s may be seen only at 31 s; these see it within a second and a half.
     */
    private static final RetryOption[] POLLING = {
            RetryOption.initialRetryDelayDuration(Duration.ofMillis(100)),
            RetryOption.retryDelayMultiplier(1.5),
            RetryOption.maxRetryDelayDuration(Duration.ofMillis(1500))};

    private final BigQuery bigQuery;
    private final TableId destination;
    private final WritePlan plan;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Path spoolDirectory;
    private final NdjsonSpool spool;
    private final SpoolLoading loading;
    private final LoadInFlight loads;
    /** Guards {@link #stagingTables}, {@link #inFlight} and {@link #closed} between the export and the background load. */
    private final Object tables = new Object();
    /** Every staging table created, deleted at the end. */
    private final List<TableId> stagingTables = new ArrayList<>();
    /** The table the background load is filling; it deletes it itself if the write ends meanwhile. */
    private TableId inFlight;
    private boolean closed;
    /** The segments loaded during the export, in order; likewise. */
    private final List<LoadedSegment> loaded = new CopyOnWriteArrayList<>();
    /** Every segment handed to a background load, in order (the export's thread only). */
    private final List<NdjsonSpool.Segment> handedOver = new ArrayList<>();
    private volatile boolean swept;
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
                if (spool.pendingBytes() >= loading.segmentBytes(loadedBytes)) {
                    loadedBytes += spool.pendingBytes();
                    NdjsonSpool.Segment segment = spool.cut().orElseThrow();
                    handedOver.add(segment);
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
            Optional<NdjsonSpool.Segment> tail = cutTail();
            // Nothing loaded during the export: every row is in the tail, loaded straight into the destination.
            Optional<NdjsonSpool.Segment> direct = handedOver.isEmpty() ? tail : Optional.empty();
            List<TableId> staged = direct.isPresent() ? List.of() : stage(finalSchema, tail);
            if (!plan.replacesSchema()) {
                widenDestination(finalSchema);
            }
            if (direct.isPresent()) {
                sweepOnce();
                load(destination, List.of(direct.get().file()), finalSchema, direct.get().rows(),
                        CreateDisposition.CREATE_IF_NEEDED, destinationDisposition(plan));
            } else {
                copyIntoDestination(staged);
            }
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

    /** A segment loaded during the export: its staging table has the segment's schema. */
    private record LoadedSegment(TableId table, NdjsonSpool.Segment segment) {
    }

    /** Loads a segment into a staging table of its own: a new table each time, so no load appends to a table's rows. */
    private void loadInBackground(NdjsonSpool.Segment segment) {
        TableId table = createStaging(segment.schema());
        synchronized (tables) {
            if (closed) {
                drop(table);
                return;
            }
            inFlight = table;
        }
        try {
            loadIntoStaging(table, List.of(segment.file()), segment.schema(), segment.rows());
            loaded.add(new LoadedSegment(table, segment));
        } finally {
            boolean abandoned;
            synchronized (tables) {
                inFlight = null;
                abandoned = closed;
            }
            if (abandoned) {
                drop(table);
            }
        }
    }

    private Optional<NdjsonSpool.Segment> cutTail() {
        try {
            return spool.cut();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Staging tables that hold every staged row with exactly {@code finalSchema} (a copy job of several tables needs
     * them all of one schema). A loaded segment whose columns were all added after its own, at every level, gets the
     * rest by a schema update (BigQuery adds columns and nested fields only at the end); any other (a column came
     * between its own, or changed type: an append's existing STRING column) is loaded again, with the rows not yet
     * loaded, into one more table of the final schema. That load runs beside the one still in flight, if any: which
     * segments it takes depends on their schemas only, and the export's last seconds were those two loads one after
     * the other (docs/BENCHMARKS.md, session 16).
     */
    private List<TableId> stage(TableSchema finalSchema, Optional<NdjsonSpool.Segment> tail) {
        List<NdjsonSpool.Segment> rest = new ArrayList<>();
        for (NdjsonSpool.Segment segment : handedOver) {
            if (!keeps(segment.schema(), finalSchema)) {
                rest.add(segment);
            }
        }
        boolean keepsOne = rest.size() < handedOver.size();
        tail.ifPresent(rest::add);
        TableId last = null;
        if (!rest.isEmpty() || !keepsOne) {
            last = createStaging(finalSchema);
            if (!rest.isEmpty()) {
                loadIntoStaging(last, rest.stream().map(NdjsonSpool.Segment::file).toList(), finalSchema,
                        rest.stream().mapToLong(NdjsonSpool.Segment::rows).sum());
            }
        }
        loads.await("loading staged rows into staging for " + describe(destination));
        List<TableId> staged = new ArrayList<>();
        for (LoadedSegment segment : loaded) {
            TableSchema schema = segment.segment().schema();
            if (schema.equals(finalSchema)) {
                staged.add(segment.table());
            } else if (keeps(schema, finalSchema)) {
                replaceSchema(segment.table(), finalSchema, "adding columns to " + describe(segment.table()));
                staged.add(segment.table());
            }
        }
        if (last != null) {
            staged.add(last);
        }
        return staged;
    }

    /** Whether a staging table of {@code schema} can end in {@code finalSchema} without its rows loaded again. */
    private static boolean keeps(TableSchema schema, TableSchema finalSchema) {
        return schema.equals(finalSchema) || StagingSchemas.growsInPlace(schema.columns(), finalSchema.columns());
    }

    private TableId createStaging(TableSchema finalSchema) {
        sweepOnce();
        String name = stagingPrefix(destination) + ids.get().replace('-', '_');
        TableId table = TableId.of(destination.getProject(), destination.getDataset(), name);
        // No expiration or description: a copy job that creates the destination might carry them over to it.
        TableInfo info = TableInfo.of(table, StandardTableDefinition.of(BigQuerySchemas.toClient(finalSchema)));
        try {
            bigQuery.create(info);
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, "creating staging table " + describe(table));
        }
        synchronized (tables) {
            stagingTables.add(table);
        }
        return table;
    }

    /** The first write into BigQuery of this export removes what dead ones left; a load straight in is one too. */
    private void sweepOnce() {
        if (!swept) {
            sweepOrphanedStaging();
            swept = true;
        }
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

    /** One load job of {@code files}, in order, into the empty staging table {@code table} of {@code schema}. */
    private void loadIntoStaging(TableId table, List<Path> files, TableSchema schema, long rows) {
        load(table, files, schema, rows, CreateDisposition.CREATE_NEVER, WriteDisposition.WRITE_APPEND);
    }

    /**
     * One load job of {@code files}, in order, into {@code table} with {@code schema} and the two dispositions: naming
     * the files when BigQuery runs on this machine ({@link SpoolLoading#namesFiles}), else, or when it refuses the
     * job (an emulator in a container sees other files), uploading them.
     */
    private void load(TableId table, List<Path> files, TableSchema schema, long rows, CreateDisposition create,
                      WriteDisposition write) {
        String doing = "loading " + rows + " rows into " + describe(table);
        if (loading.namesFiles()) {
            List<String> uris = files.stream().map(file -> file.toAbsolutePath().toUri().toString()).toList();
            if (loadNamingFiles(settings(LoadJobConfiguration.newBuilder(table, uris), schema, create, write).build(),
                    doing + " from " + files.size() + " local file" + (files.size() == 1 ? "" : "s"))) {
                return;
            }
        }
        upload(files, settings(WriteChannelConfiguration.newBuilder(table), schema, create, write).build(), doing);
    }

    /** What a load job of the spool says, whether it names its files or uploads them: NDJSON rows of {@code schema}. */
    private static <B extends LoadConfiguration.Builder> B settings(B builder, TableSchema schema,
                                                                   CreateDisposition create, WriteDisposition write) {
        builder.setFormatOptions(FormatOptions.json())
                .setSchema(BigQuerySchemas.toClient(schema))
                .setCreateDisposition(create)
                .setWriteDisposition(write);
        return builder;
    }

    /**
     * The load job naming its files by their file: URIs; false when BigQuery refuses to create it, which then changed
     * nothing. A job that runs and fails is the load's failure, as for an upload.
     */
    private boolean loadNamingFiles(LoadJobConfiguration configuration, String doing) {
        Job job;
        try {
            job = bigQuery.create(JobInfo.of(JobId.of("dicombq_load_" + ids.get()), configuration));
        } catch (BigQueryException e) {
            if (e.getCode() == 409) {
                // the job id exists: this job may have been created after all, so loading the rows again could double them
                throw BigQueryErrors.fromException(e, doing);
            }
            return false;
        }
        awaitSuccess(job, doing);
        return true;
    }

    /** One load job uploading {@code files}, in order. */
    private void upload(List<Path> files, WriteChannelConfiguration configuration, String doing) {
        TableDataWriteChannel writer;
        try {
            writer = bigQuery.writer(JobId.of("dicombq_load_" + ids.get()), configuration);
            try (OutputStream out = Channels.newOutputStream(writer)) {
                for (Path file : files) {
                    try (InputStream in = UncachedInput.open(file)) {
                        in.transferTo(out);
                    }
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

    /** A schema update of a staging table that only adds columns at the end (the caller checked so). */
    private void replaceSchema(TableId table, TableSchema schema, String doing) {
        try {
            Table current = bigQuery.getTable(table);
            if (current == null) {
                throw BigQueryErrors.failure(Code.NOT_FOUND, "staging table " + describe(table)
                        + " was deleted while the export ran; run the export again");
            }
            update(current, schema);
        } catch (BigQueryException e) {
            throw BigQueryErrors.fromException(e, doing);
        }
    }

    private void update(Table current, TableSchema schema) {
        bigQuery.update(current.toBuilder()
                .setDefinition(StandardTableDefinition.of(BigQuerySchemas.toClient(schema)))
                .build());
    }

    /** One copy job of every staging table, all of the final schema, into the destination. */
    private void copyIntoDestination(List<TableId> staged) {
        CopyJobConfiguration configuration = CopyJobConfiguration.newBuilder(destination, staged)
                .setCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
                .setWriteDisposition(destinationDisposition(plan))
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

    /**
     * The write disposition of the job that fills the destination (the copy job, or the load job when nothing was
     * staged) for each plan; WRITE_EMPTY keeps "only into an empty table" true at commit time.
     */
    static WriteDisposition destinationDisposition(WritePlan plan) {
        return switch (plan) {
            case CREATE, WRITE_INTO_EMPTY -> WriteDisposition.WRITE_EMPTY;
            case OVERWRITE, TRUNCATE_THEN_WRITE -> WriteDisposition.WRITE_TRUNCATE;
            case APPEND -> WriteDisposition.WRITE_APPEND;
        };
    }

    private static void awaitSuccess(Job job, String doing) {
        try {
            Job done = job.waitFor(POLLING);
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

    /**
     * Deletes the spool and the staging tables at once, without waiting for a load in flight (a cancel must not wait
     * for BigQuery): that load deletes its own table when it ends.
     */
    private void cleanUp() {
        List<TableId> toDrop;
        synchronized (tables) {
            closed = true;
            toDrop = stagingTables.stream().filter(table -> !table.equals(inFlight)).toList();
        }
        spool.deleteAll();
        toDrop.forEach(this::drop);
    }

    private void drop(TableId table) {
        try {
            bigQuery.delete(table);
        } catch (BigQueryException e) {
            // The next export into this table removes it once it is a day old.
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
