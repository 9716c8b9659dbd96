package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** jobs.insert / get / cancel / list, and the query shortcuts jobs.query and jobs.getQueryResults. */
final class JobEndpoints {
    private static final String BASE = "/bigquery/v2/projects/{project}";
    private static final long DEFAULT_PAGE = 100_000;
    /** jobs.query's and getQueryResults' timeoutMs when the request gives none (BigQuery's REST reference: 10 s). */
    private static final long DEFAULT_TIMEOUT_MS = 10_000;

    private final JobRunner runner;
    private final Jobs jobs;
    private final QueryJobResults results;
    private final Supplier<String> ids;

    JobEndpoints(JobRunner runner, Jobs jobs, QueryJobResults results, Supplier<String> ids) {
        this.runner = runner;
        this.jobs = jobs;
        this.results = results;
        this.ids = ids;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", BASE + "/jobs", this::insert),
                Route.of("GET", BASE + "/jobs", this::list),
                Route.of("GET", BASE + "/jobs/{job}", this::get),
                Route.of("POST", BASE + "/jobs/{job}/cancel", this::cancel),
                Route.of("POST", BASE + "/queries", this::query),
                Route.of("GET", BASE + "/queries/{job}", this::queryResults));
    }

    private ApiResponse insert(ApiRequest request) {
        return ApiResponse.ok(runner.insert(request.part("project"), request.json(), null));
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(jobs.get(request.part("project"), request.part("job")));
    }

    /**
     * The job as it is: a running job goes on to its end (BigQuery's cancel is a request, which a job may end before
     * honouring).
     */
    private ApiResponse cancel(ApiRequest request) {
        ObjectNode body = Resources.NODES.objectNode();
        body.put("kind", "bigquery#jobCancelResponse");
        body.set("job", jobs.get(request.part("project"), request.part("job")));
        return ApiResponse.ok(body);
    }

    private ApiResponse list(ApiRequest request) {
        ObjectNode body = Resources.NODES.objectNode();
        body.put("kind", "bigquery#jobList");
        Paging.Page<ObjectNode> page = Paging.page(request, "jobs " + request.part("project"),
                jobs.list(request.part("project")));
        if (page.nextPageToken() != null) {
            body.put("nextPageToken", page.nextPageToken());
        }
        ArrayNode list = body.putArray("jobs");
        for (ObjectNode job : page.items()) {
            ObjectNode entry = job.deepCopy();
            entry.put("state", job.path("status").path("state").asText());
            list.add(entry);
        }
        return ApiResponse.ok(body);
    }

    /**
     * jobs.query, the client's fast path: the result, or its first maxResults rows, comes back in the answer; a query
     * still running after timeoutMs is answered {@code jobComplete: false}, and the client polls getQueryResults.
     */
    private ApiResponse query(ApiRequest request) {
        String project = request.part("project");
        JsonNode body = request.json();
        Resources.refuse(body, "query", "defaultDataset", "dryRun", "createSession", "connectionProperties");
        String location = body.path("location").asText(Resources.LOCATION);
        if (!location.equalsIgnoreCase(Resources.LOCATION)) {
            throw new DicombqException(Code.UNIMPLEMENTED, "the dicombq BigQuery emulator has one location, "
                    + Resources.LOCATION + "; query location " + location + " is not supported");
        }
        String jobId = "job_" + ids.get().replace('-', '_');
        // Register the job the way jobs.insert does, so getQueryResults and jobs.get find it.
        ObjectNode insert = Resources.NODES.objectNode();
        insert.putObject("jobReference").put("jobId", jobId);
        insert.putObject("configuration").set("query", body.deepCopy());
        ObjectNode job = runner.insert(project, insert, null, () -> { }, timeout(body.path("timeoutMs").asText(null)));
        if (!Jobs.isDone(job)) {
            return ApiResponse.ok(incomplete("bigquery#queryResponse", job));
        }
        QueryResult result = completedResult(project, jobId, job);
        ObjectNode answer = answer("bigquery#queryResponse", job, result);
        JsonNode format = body.path("formatOptions");
        TimestampFormat timestamps = TimestampFormat.of(format.path("useInt64Timestamp").asBoolean(false),
                format.path("timestampOutputFormat").isTextual() ? format.path("timestampOutputFormat").asText() : null);
        // the first page holds maxResults rows when given (BigQuery's QueryRequest); getQueryResults pages on from pageToken
        long maxResults = body.has("maxResults") ? Paging.parse(body.path("maxResults").asText(), "maxResults") : Long.MAX_VALUE;
        QueryJobResults.page(result, 0, maxResults, timestamps, answer);
        return ApiResponse.ok(answer);
    }

    /** getQueryResults: waits for the query up to timeoutMs, then its rows, or {@code jobComplete: false}. */
    private ApiResponse queryResults(ApiRequest request) {
        String project = request.part("project");
        String jobId = request.part("job");
        if (!jobs.get(project, jobId).path("configuration").has("query")) {
            throw WireValues.invalid("job " + jobId + " is not a query job");
        }
        ObjectNode job;
        try {
            job = jobs.awaitDone(project, jobId, timeout(request.param("timeoutMs")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job = jobs.get(project, jobId);
        }
        if (!Jobs.isDone(job)) {
            return ApiResponse.ok(incomplete("bigquery#getQueryResultsResponse", job));
        }
        QueryResult result = completedResult(project, jobId, job);
        ObjectNode answer = answer("bigquery#getQueryResultsResponse", job, result);
        QueryJobResults.page(result, Paging.start(request), Paging.max(request, DEFAULT_PAGE),
                Paging.timestamps(request), answer);
        return ApiResponse.ok(answer);
    }

    /** How long a request waits for its query: timeoutMs, at most the runner's wait (the clients' read timeouts). */
    private Duration timeout(String timeoutMs) {
        long millis = timeoutMs == null || timeoutMs.isEmpty() ? DEFAULT_TIMEOUT_MS : Paging.parse(timeoutMs, "timeoutMs");
        return Duration.ofMillis(Math.min(millis, runner.answerWithin().toMillis()));
    }

    /** A query that has not ended yet: its reference, for the client to poll with. */
    private static ObjectNode incomplete(String kind, ObjectNode job) {
        ObjectNode answer = Resources.NODES.objectNode();
        answer.put("kind", kind);
        answer.set("jobReference", job.get("jobReference"));
        answer.put("jobComplete", false);
        return answer;
    }

    /** The query job's result; a failed query job is answered as an HTTP error, not as a result. */
    private QueryResult completedResult(String project, String jobId, ObjectNode job) {
        JsonNode error = job.path("status").get("errorResult");
        if (error != null) {
            throw new DicombqException(codeOf(error.path("reason").asText()), error.path("message").asText());
        }
        return results.get(QueryJobResults.tableFor(project, jobId));
    }

    /** The fields jobs.query and getQueryResults share; the rows are paged in by the caller. */
    private static ObjectNode answer(String kind, ObjectNode job, QueryResult result) {
        ObjectNode answer = Resources.NODES.objectNode();
        answer.put("kind", kind);
        answer.set("jobReference", job.get("jobReference"));
        answer.set("schema", WireSchema.toJson(result.schema()));
        answer.put("jobComplete", true);
        answer.put("cacheHit", false);
        answer.put("totalBytesProcessed", "0");
        return answer;
    }

    private static Code codeOf(String reason) {
        for (Code code : Code.values()) {
            if (code != Code.OK && ApiErrors.reason(code, true).equals(reason)) {
                return code;
            }
        }
        return Code.INTERNAL;
    }
}
