package io.dicombq.adapter.in.emulator;

import io.dicombq.adapter.out.h2.H2Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.adapter.out.sql.H2QueryEngine;
import io.dicombq.application.port.out.QueryParameter;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs query, load and copy jobs and records them as BigQuery job resources. Each job runs on a thread of its own,
 * and a request that inserted one answers with it DONE if it ends within {@link #ANSWER_WITHIN} (or the query's
 * shorter timeoutMs), else RUNNING: the client then polls jobs.get or getQueryResults, as it does with BigQuery,
 * instead of waiting for an answer longer than it will (the Java client gives up on a request after about a minute,
 * while the job goes on and changes the table it was told had failed).
 */
final class JobRunner {
    private static final int BATCH = 500;
    /**
     * A load's batch also ends at this many bytes of its lines: 500 realistic DICOM rows are 30 MB, and the load kept
     * a few batches in flight, which every young collection of a fresh emulator copied (150-340 ms pauses with 200 MB
     * live); the export bounds its batches alike (docs/BENCHMARKS.md, session 20).
     */
    private static final long BATCH_BYTES = 4L * 1024 * 1024;
    /** Long enough for most loads and copies to be answered DONE at once, well within the clients' read timeouts. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private final H2Warehouse warehouse;
    private final TableWriter writer;
    private final QueryEngine queryEngine;
    private final Jobs jobs;
    private final QueryJobResults results;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Executor background;
    private final Duration answerWithin;

    /** @param background runs the jobs; @param answerWithin how long an insert waits for one to end */
    JobRunner(H2Warehouse warehouse, Jobs jobs, QueryJobResults results, Clock clock, Supplier<String> ids,
              Executor background, Duration answerWithin) {
        this.warehouse = warehouse;
        this.writer = new TableWriter(warehouse);
        this.queryEngine = new H2QueryEngine(warehouse);
        this.jobs = jobs;
        this.results = results;
        this.clock = clock;
        this.ids = ids;
        this.background = background;
        this.answerWithin = answerWithin;
    }

    /** Daemon threads of their own for the jobs, ended when idle. */
    static Executor jobThreads() {
        return Executors.newCachedThreadPool(job -> {
            Thread thread = new Thread(job, "bigquery-emulator-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The kind of job a configuration describes, with the request fields the emulator refuses. */
    private enum Kind {
        QUERY("query", "defaultDataset", "tableDefinitions", "timePartitioning", "rangePartitioning", "clustering",
                "userDefinedFunctionResources", "scriptOptions", "createSession", "connectionProperties",
                "destinationEncryptionConfiguration"),
        LOAD("load", "timePartitioning", "rangePartitioning", "clustering", "hivePartitioningOptions",
                "destinationEncryptionConfiguration", "projectionFields", "decimalTargetTypes", "jsonExtension",
                "referenceFileSchemaUri", "connectionProperties", "createSession"),
        COPY("copy", "destinationEncryptionConfiguration", "destinationExpirationTime");

        final String field;
        final String[] refused;

        Kind(String field, String... refused) {
            this.field = field;
            this.refused = refused;
        }

        static Kind of(JsonNode configuration) {
            if (configuration.has("extract")) {
                throw new DicombqException(Code.UNIMPLEMENTED, "extract jobs are not supported by the dicombq"
                        + " BigQuery emulator (there is no Cloud Storage to extract to)");
            }
            for (Kind kind : values()) {
                if (configuration.has(kind.field)) {
                    return kind;
                }
            }
            throw WireValues.invalid("the job configuration needs one of query, load or copy");
        }
    }

    /** {@link #insert(String, JsonNode, Path, Runnable)} with nothing to do when the job ends. */
    ObjectNode insert(String project, JsonNode body, Path upload) {
        return insert(project, body, upload, () -> { }, answerWithin);
    }

    /** {@link #insert(String, JsonNode, Path, Runnable, Duration)} waiting at most {@link #answerWithin}. */
    ObjectNode insert(String project, JsonNode body, Path upload, Runnable whenDone) {
        return insert(project, body, upload, whenDone, answerWithin);
    }

    /** The longest a request waits for a job to end before it answers with the job RUNNING. */
    Duration answerWithin() {
        return answerWithin;
    }

    /**
     * Inserts and runs a job. Unsupported options are refused with an HTTP error before the job exists; a job
     * that runs and fails is recorded as DONE with its errorResult, as in BigQuery.
     *
     * @param upload   the uploaded data of a load job, or null
     * @param whenDone runs once, when the job has ended or was refused (an upload's file is removed then)
     * @param wait     how long to wait for the job to end before answering with it RUNNING, at most
     *                 {@link #answerWithin()}
     */
    ObjectNode insert(String project, JsonNode body, Path upload, Runnable whenDone, Duration wait) {
        boolean handedOver = false;
        try {
            JsonNode configuration = body.path("configuration");
            Resources.refuse(configuration, "configuration", "dryRun");
            Kind kind = Kind.of(configuration);
            JsonNode details = configuration.get(kind.field);
            Resources.refuse(details, "configuration." + kind.field, kind.refused);
            // A load job reads the upload, or else the local files of its sourceUris (refused here when it has neither).
            List<Path> sources = kind != Kind.LOAD ? List.of() : upload != null ? List.of(upload)
                    : LoadSources.of(details.get("sourceUris"));
            String jobId = jobId(body.path("jobReference"));
            jobs.reserve(project, jobId);
            ObjectNode echoed = configuration.deepCopy();
            echoed.put("jobType", kind.name());
            if (kind == Kind.QUERY && !details.hasNonNull("destinationTable")) {
                // the anonymous table the result is read from, in the resource while the query runs too
                ((ObjectNode) echoed.get("query")).set("destinationTable",
                        Resources.tableReference(QueryJobResults.tableFor(project, jobId)));
            }
            Run run = new Run(project, jobId, kind, echoed, sources, clock.millis());
            handedOver = true;
            return inBackground(run, whenDone, wait);
        } finally {
            if (!handedOver) {
                whenDone.run();
            }
        }
    }

    /** One inserted job, ready to run: its echoed configuration, and for a load the files it reads. */
    private record Run(String project, String jobId, Kind kind, ObjectNode echoed, List<Path> sources, long created) {
    }

    /** Runs the job and records its resource; a failure of any kind ends the job DONE with an error. */
    private ObjectNode call(Run run) {
        ObjectNode statistics = Resources.NODES.objectNode();
        RpcError error = null;
        try {
            switch (run.kind()) {
                case QUERY -> runQuery(run.project(), run.jobId(), (ObjectNode) run.echoed().get("query"), statistics);
                case LOAD -> runLoad(run.project(), (ObjectNode) run.echoed().get("load"), run.sources(), statistics);
                case COPY -> runCopy(run.project(), (ObjectNode) run.echoed().get("copy"), statistics);
            }
        } catch (DicombqException e) {
            error = e.error();
        } catch (RuntimeException | Error e) {
            // No one waits on a background job's exception: it must end the job, or the job runs forever.
            error = RpcError.of(Code.INTERNAL, "the " + run.kind().field + " job failed: " + e);
        }
        ObjectNode job = resource(run, run.echoed(), statistics, true, error);
        jobs.put(run.project(), run.jobId(), job);
        return job;
    }

    /** Runs the job on a thread of its own; answers with it DONE if it ends within {@code wait}, else RUNNING. */
    private ObjectNode inBackground(Run run, Runnable whenDone, Duration wait) {
        // jobs.get shows it so while it runs
        ObjectNode running = resource(run, run.echoed().deepCopy(), Resources.NODES.objectNode(), false, null);
        jobs.put(run.project(), run.jobId(), running);
        CompletableFuture<ObjectNode> ended = new CompletableFuture<>();
        background.execute(() -> {
            try {
                ended.complete(call(run));
            } catch (Throwable e) {
                ended.completeExceptionally(e);
                throw e;
            } finally {
                whenDone.run();
            }
        });
        try {
            return ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return running;
        } catch (ExecutionException e) {
            // Run.call records every failure as the job's error; only recording it can have failed.
            throw new DicombqException(Code.INTERNAL, "job " + run.jobId() + " could not be recorded: " + e.getCause());
        }
    }

    private String jobId(JsonNode reference) {
        String location = reference.path("location").asText(Resources.LOCATION);
        if (!location.equalsIgnoreCase(Resources.LOCATION)) {
            throw new DicombqException(Code.UNIMPLEMENTED, "the dicombq BigQuery emulator has one location, "
                    + Resources.LOCATION + "; job location " + location + " is not supported");
        }
        // A client that passes only a location leaves the id to the server.
        String jobId = reference.path("jobId").asText("");
        if (jobId.isEmpty()) {
            jobId = "job_" + ids.get().replace('-', '_');
        }
        Jobs.checkJobId(jobId);
        return jobId;
    }

    /** Runs a query for jobs.query and jobs.insert; the result becomes the job's anonymous table. */
    QueryResult query(String project, String jobId, JsonNode query) {
        JsonNode sql = query.get("query");
        if (sql == null || !sql.isTextual() || sql.textValue().isBlank()) {
            throw WireValues.invalid("the query text is missing");
        }
        // The REST API's default is legacy SQL; clients send useLegacySql explicitly.
        boolean legacy = query.path("useLegacySql").asBoolean(true);
        QueryRequest request = new QueryRequest(sql.textValue(), project, parameters(query), legacy);
        QueryResult result = queryEngine.query(request);
        results.put(QueryJobResults.tableFor(project, jobId), result);
        return result;
    }

    private void runQuery(String project, String jobId, ObjectNode query, ObjectNode statistics) {
        QueryResult result = query(project, jobId, query);
        TableUri table = Resources.tableUri(query.get("destinationTable"), project, "configuration.query.destinationTable");
        if (!QueryJobResults.isAnonymous(table)) {
            TableWriter.Options options = options(query, TableWriter.WriteDisposition.WRITE_EMPTY);
            writer.write(table, result.schema(), (schema, batches) -> feed(result.rows(), batches), options);
        }
        ObjectNode stats = statistics.putObject("query");
        stats.put("totalBytesProcessed", "0");
        stats.put("totalBytesBilled", "0");
        stats.put("cacheHit", false);
        stats.put("statementType", "SELECT");
    }

    private void runLoad(String project, ObjectNode load, List<Path> sources, ObjectNode statistics) {
        String format = load.path("sourceFormat").asText("CSV");
        if (!format.equals("NEWLINE_DELIMITED_JSON")) {
            throw new DicombqException(Code.UNIMPLEMENTED, "load jobs of the dicombq BigQuery emulator read"
                    + " NEWLINE_DELIMITED_JSON only, not " + format);
        }
        if (load.path("autodetect").asBoolean(false)) {
            throw new DicombqException(Code.UNIMPLEMENTED, "schema autodetection is not supported by the dicombq"
                    + " BigQuery emulator; give the load job a schema");
        }
        TableUri table = Resources.tableUri(load.get("destinationTable"), project, "configuration.load.destinationTable");
        TableSchema schema = WireSchema.fromJson(load.get("schema"));
        boolean ignoreUnknown = load.path("ignoreUnknownValues").asBoolean(false);
        int maxBadRecords = load.path("maxBadRecords").asInt(0);
        NdjsonSource source = new NdjsonSource(sources, ignoreUnknown, maxBadRecords);
        long rows = writer.write(table, schema, source, options(load, TableWriter.WriteDisposition.WRITE_APPEND));
        ObjectNode stats = statistics.putObject("load");
        stats.put("inputFiles", Integer.toString(sources.size()));
        stats.put("inputFileBytes", Long.toString(LoadSources.size(sources)));
        stats.put("outputRows", Long.toString(rows));
        stats.put("badRecords", Long.toString(source.badRecords));
    }

    private void runCopy(String project, ObjectNode copy, ObjectNode statistics) {
        String operation = copy.path("operationType").asText("COPY");
        if (!operation.equals("COPY") && !operation.equals("OPERATION_TYPE_UNSPECIFIED")) {
            throw new DicombqException(Code.UNIMPLEMENTED, "copy operation " + operation
                    + " is not supported by the dicombq BigQuery emulator");
        }
        List<TableUri> sources = new ArrayList<>();
        if (copy.has("sourceTable")) {
            sources.add(Resources.tableUri(copy.get("sourceTable"), project, "configuration.copy.sourceTable"));
        }
        for (JsonNode source : copy.path("sourceTables")) {
            sources.add(Resources.tableUri(source, project, "configuration.copy.sourceTables[]"));
        }
        if (sources.isEmpty()) {
            throw WireValues.invalid("a copy job needs sourceTable or sourceTables");
        }
        TableSchema schema = null;
        for (TableUri source : sources) {
            TableSchema sourceSchema = warehouse.tableSchema(source).orElseThrow(() -> Resources.tableNotFound(source));
            if (schema != null && !schema.equals(sourceSchema)) {
                throw WireValues.invalid("the source tables of a copy job must have the same schema; "
                        + Resources.tableId(source) + " differs");
            }
            schema = sourceSchema;
        }
        TableUri destination = Resources.tableUri(copy.get("destinationTable"), project,
                "configuration.copy.destinationTable");
        // A copy never changes the destination's columns: BigQuery copy jobs have no schema update options.
        TableWriter.Options options = new TableWriter.Options(
                TableWriter.WriteDisposition.parse(copy.path("writeDisposition").asText(null),
                        TableWriter.WriteDisposition.WRITE_EMPTY),
                TableWriter.CreateDisposition.parse(copy.path("createDisposition").asText(null)), false, false);
        long rows = writer.copy(destination, schema, sources, options);
        statistics.putObject("copy").put("copiedRows", Long.toString(rows));
    }

    private static long feed(List<Row> rows, Consumer<List<Row>> batches) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            batches.accept(rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        return rows.size();
    }

    private static TableWriter.Options options(JsonNode configuration, TableWriter.WriteDisposition defaultWrite) {
        boolean addition = false;
        boolean relaxation = false;
        for (JsonNode option : configuration.path("schemaUpdateOptions")) {
            switch (option.asText()) {
                case "ALLOW_FIELD_ADDITION" -> addition = true;
                case "ALLOW_FIELD_RELAXATION" -> relaxation = true;
                default -> throw WireValues.invalid("unknown schemaUpdateOption " + option.asText());
            }
        }
        return new TableWriter.Options(
                TableWriter.WriteDisposition.parse(configuration.path("writeDisposition").asText(null), defaultWrite),
                TableWriter.CreateDisposition.parse(configuration.path("createDisposition").asText(null)),
                addition, relaxation);
    }

    /**
     * The request's parameters: named ({@code @name}), or positional ({@code ?}) when parameterMode is POSITIONAL, or
     * absent and no parameter has a name, as the clients send them; one mode per query, as BigQuery takes it.
     */
    private static Map<String, QueryParameter> parameters(JsonNode query) {
        Map<String, QueryParameter> parameters = new LinkedHashMap<>();
        String mode = query.path("parameterMode").asText("");
        boolean unnamed = query.path("queryParameters").size() > 0;
        for (JsonNode parameter : query.path("queryParameters")) {
            unnamed &= parameter.path("name").asText("").isEmpty();
        }
        boolean positional = mode.equalsIgnoreCase("POSITIONAL") || mode.isEmpty() && unnamed;
        int position = 0;
        for (JsonNode parameter : query.path("queryParameters")) {
            position++;
            String name = parameter.path("name").asText("");
            if (positional != name.isEmpty()) {
                throw WireValues.invalid(positional
                        ? "query parameter " + position + " is named '" + name + "' but parameterMode is POSITIONAL:"
                        + " leave the names out for ? parameters, or use NAMED"
                        : "query parameter " + position + " has no name: name it for @name parameters, or set"
                        + " parameterMode to POSITIONAL for ? parameters");
            }
            String label = positional ? "query parameter " + position : "query parameter @" + name;
            String key = positional ? QueryParameter.positional(position) : name;
            JsonNode type = parameter.path("parameterType");
            JsonNode element = type.path("arrayType");
            if (type.has("structType") || element.has("arrayType") || element.has("structType")) {
                throw new DicombqException(Code.UNIMPLEMENTED, label + ": STRUCT parameters (and ARRAYs of them) are"
                        + " not supported by the dicombq BigQuery emulator; ARRAYs of scalars are");
            }
            if (type.has("arrayType")) {
                parameters.put(key, arrayParameter(element, parameter.path("parameterValue").path("arrayValues"), label));
                continue;
            }
            ColumnType columnType = WireSchema.type(type.path("type").asText(""), label);
            Object value = WireValues.scalarOf(columnType, parameter.path("parameterValue").get("value"), label);
            parameters.put(key, new QueryParameter(columnType, value));
        }
        return parameters;
    }

    /**
     * An ARRAY of scalars: its elements' type and values; no values (or none sent) is the empty array, which is what
     * BigQuery makes of a NULL one, and a NULL element is refused as BigQuery refuses it in an array.
     */
    private static QueryParameter arrayParameter(JsonNode elementType, JsonNode values, String label) {
        ColumnType type = WireSchema.type(elementType.path("type").asText(""), label + " (its arrayType)");
        List<Object> items = new ArrayList<>();
        for (JsonNode item : values) {
            Object value = WireValues.scalarOf(type, item.get("value"), label + " element " + items.size());
            if (value == null) {
                throw WireValues.invalid(label + " element " + items.size() + " is NULL: an ARRAY cannot hold NULL");
            }
            items.add(value);
        }
        return new QueryParameter(type, List.copyOf(items));
    }

    /** The job's resource: RUNNING, or DONE (now) with {@code error} if it failed. */
    private ObjectNode resource(Run run, ObjectNode configuration, ObjectNode statistics, boolean done, RpcError error) {
        ObjectNode job = Resources.NODES.objectNode();
        job.put("kind", "bigquery#job");
        job.put("id", run.project() + ":" + Resources.LOCATION + "." + run.jobId());
        ObjectNode reference = job.putObject("jobReference");
        reference.put("projectId", run.project());
        reference.put("jobId", run.jobId());
        reference.put("location", Resources.LOCATION);
        // The client's waitFor() needs the configuration in every job resource.
        job.set("configuration", configuration);
        ObjectNode status = job.putObject("status");
        status.put("state", done ? "DONE" : "RUNNING");
        if (error != null) {
            ObjectNode entry = ApiErrors.jobError(error, run.kind() == Kind.QUERY);
            status.set("errorResult", entry);
            status.putArray("errors").add(entry.deepCopy());
        }
        statistics.put("creationTime", Long.toString(run.created()));
        statistics.put("startTime", Long.toString(run.created()));
        if (done) {
            statistics.put("endTime", Long.toString(clock.millis()));
        }
        job.set("statistics", statistics);
        return job;
    }

    /** The rows of newline-delimited JSON files, one after the other; blank lines are skipped as BigQuery does. */
    private static final class NdjsonSource implements TableWriter.RowSource {
        private final List<Path> files;
        private final boolean ignoreUnknown;
        private final int maxBadRecords;
        long badRecords;

        NdjsonSource(List<Path> files, boolean ignoreUnknown, int maxBadRecords) {
            this.files = files;
            this.ignoreUnknown = ignoreUnknown;
            this.maxBadRecords = maxBadRecords;
        }

        @Override
        public long feed(TableSchema schema, Consumer<List<Row>> batches) {
            long rows = 0;
            long lineNumber = 0;
            String firstError = null;
            List<Row> batch = new ArrayList<>(BATCH);
            long batchBytes = 0;
            for (Path file : files) {
                try (InputStream in = LoadSources.open(file)) {
                    NdjsonLines lines = new NdjsonLines(in);
                    while (lines.next()) {
                        lineNumber++;
                        if (lines.blank()) {
                            continue;
                        }
                        try {
                            batch.add(JsonLineRows.read(lines.bytes(), lines.start(), lines.length(), lines.ascii(),
                                    schema.columns(), ignoreUnknown, "line " + lineNumber));
                        } catch (DicombqException e) {
                            badRecords++;
                            firstError = firstError == null ? e.getMessage() : firstError;
                            if (badRecords > maxBadRecords) {
                                throw WireValues.invalid("Error while reading data, error message: JSON table"
                                        + " encountered too many errors, giving up. Rows: " + lineNumber + "; errors: "
                                        + badRecords + "; max bad: " + maxBadRecords + ". First error: " + firstError);
                            }
                            continue;
                        }
                        batchBytes += lines.length();
                        if (batch.size() == BATCH || batchBytes >= BATCH_BYTES) {
                            batches.accept(List.copyOf(batch));
                            rows += batch.size();
                            batch.clear();
                            batchBytes = 0;
                        }
                    }
                } catch (java.nio.charset.CharacterCodingException e) {
                    throw WireValues.invalid("the data of " + file.getFileName() + " is not UTF-8 text: " + e);
                } catch (IOException e) {
                    throw new DicombqException(Code.INTERNAL, "cannot read the data of " + file.getFileName() + ": " + e.getMessage());
                }
            }
            if (!batch.isEmpty()) {
                batches.accept(List.copyOf(batch));
                rows += batch.size();
            }
            return rows;
        }
    }
}
