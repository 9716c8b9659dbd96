package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.application.file.UncachedOutput;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads for load jobs, the three kinds Google's upload endpoint takes (uploadType): {@code resumable} (the POST
 * opens a session and answers with its absolute URL; PUTs send chunks, answered with 308 and the range received
 * until the last one, which runs the load job and answers with it), {@code multipart} (one POST of
 * {@code multipart/related}: the job's JSON, then the data; the official Node.js client's {@code table.load()})
 * and {@code media} (the data alone, which carries no job configuration, so a load job cannot use it).
 * A resumable session expires a week after its last request, as Google's session URIs do: an abandoned one gives
 * back its file, a finished one the job it answers with.
 */
final class UploadEndpoints {
    private static final String PATH = "/upload/bigquery/v2/projects/{project}/jobs";
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");
    /** A resumable session lives a week after its last request, as in Google's upload protocol (Cloud Storage docs: resumable uploads). */
    static final Duration SESSION_LIFETIME = Duration.ofDays(7);

    private final JobRunner runner;
    private final Path directory;
    private final Supplier<String> ids;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private static final class Session {
        final String project;
        final JsonNode job;
        final Path data;
        long received;
        ObjectNode finished;
        /**
         * Where the upload file stands between chunks: the bytes in it (whole blocks, written past the page cache)
         * and the partial block after them, held here until the next chunk or the last. No descriptor stays open.
         */
        UncachedOutput.Detached stored = UncachedOutput.Detached.EMPTY;
        /** Why a chunk could not be stored: the session cannot go on. */
        String broken;
        /** When the session was opened or last sent a chunk (the clock's milliseconds). */
        long lastUsed;
        boolean expired;

        Session(String project, JsonNode job, Path data, long opened) {
            this.project = project;
            this.job = job;
            this.data = data;
            this.lastUsed = opened;
        }
    }

    UploadEndpoints(JobRunner runner, Path directory, Supplier<String> ids, Clock clock) {
        this.runner = runner;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", PATH, this::start),
                Route.of("PUT", PATH, this::chunk));
    }

    private ApiResponse start(ApiRequest request) {
        String uploadType = request.param("uploadType");
        if (uploadType == null) {
            throw WireValues.invalid("an upload needs uploadType=resumable, multipart or media");
        }
        return switch (uploadType) {
            case "resumable" -> open(request);
            case "multipart" -> multipart(request);
            // Google's simple upload sends the bytes without metadata; jobs.insert needs its configuration
            case "media" -> throw WireValues.invalid("uploadType=media sends the data without a job configuration,"
                    + " and a load job needs one: use uploadType=multipart (the job's JSON, then the data) or resumable");
            default -> throw WireValues.invalid("uploadType=" + uploadType + " is not an upload type; use resumable,"
                    + " multipart or media");
        };
    }

    /** One request: a multipart/related body whose first part is the job's JSON and whose second part is the data. */
    private ApiResponse multipart(ApiRequest request) {
        List<MultipartRelated.Part> parts = MultipartRelated.parse(request.header("content-type"), request.body());
        if (parts.size() != 2) {
            throw WireValues.invalid("a multipart upload has two parts, the job's JSON then the data; this one has "
                    + parts.size());
        }
        JsonNode job = loadJob(WireJson.read(parts.get(0).content(), "the multipart upload's metadata part"));
        Path data = newUploadFile(ids.get().replace("-", ""));
        boolean inserted = false;
        try {
            try (OutputStream out = UncachedOutput.create(data)) {
                out.write(parts.get(1).content());
            }
            inserted = true;
            return ApiResponse.ok(runner.insert(request.part("project"), job, data, () -> deleteQuietly(data)));
        } catch (IOException e) {
            throw new DicombqException(Code.INTERNAL, "cannot store an upload in " + directory + ": " + e);
        } finally {
            if (!inserted) {
                deleteQuietly(data);
            }
        }
    }

    /** Removes an upload's file once its job no longer reads it. */
    private static void deleteQuietly(Path data) {
        try {
            Files.deleteIfExists(data);
        } catch (IOException e) {
            // a leftover upload file sits in the emulator's temporary directory, removed when it stops
        }
    }

    private static JsonNode loadJob(JsonNode job) {
        if (!job.path("configuration").has("load")) {
            throw WireValues.invalid("an upload needs a load job configuration");
        }
        return job;
    }

    private Path newUploadFile(String id) {
        try {
            return Files.createTempFile(directory, "upload-" + id + "-", ".ndjson");
        } catch (IOException e) {
            throw new DicombqException(Code.INTERNAL, "cannot store an upload in " + directory + ": " + e);
        }
    }

    private ApiResponse open(ApiRequest request) {
        JsonNode job = loadJob(request.json());
        expireIdleSessions();
        String id = ids.get().replace("-", "");
        Path data = newUploadFile(id);
        sessions.put(id, new Session(request.part("project"), job, data, clock.millis()));
        // The client PUTs to this URL verbatim, so it must be absolute.
        String location = request.baseUrl() + "/upload/bigquery/v2/projects/" + request.part("project")
                + "/jobs?uploadType=resumable&upload_id=" + id;
        return new ApiResponse(200, null, Map.of("Location", location));
    }

    private ApiResponse chunk(ApiRequest request) {
        String id = request.param("upload_id");
        Session session = id == null ? null : sessions.get(id);
        if (session == null) {
            throw noSession(id);
        }
        synchronized (session) {
            // this session's own age decides; the others are looked at when a session opens
            if (session.expired || expireIfIdle(id, session, oldestKept())) {
                throw noSession(id);
            }
            session.lastUsed = clock.millis();
            if (session.finished != null) {
                return ApiResponse.ok(session.finished);
            }
            long total = append(session, request);
            if (total >= 0 && session.received >= total) {
                return finish(id, session);
            }
            // 308 "Resume Incomplete" with the bytes held so far tells the client where to go on.
            return session.received == 0 ? new ApiResponse(308, null, Map.of())
                    : new ApiResponse(308, null, Map.of("Range", "bytes=0-" + (session.received - 1)));
        }
    }

    private static DicombqException noSession(String id) {
        return new DicombqException(Code.NOT_FOUND, "no upload session " + id + " (a session expires a week after its"
                + " last request); start one with POST " + PATH + "?uploadType=resumable");
    }

    /**
     * Ends the sessions idle for longer than {@link #SESSION_LIFETIME}: an unfinished one's file is deleted (its job
     * never ran), a finished one's belongs to its job, which deletes it when it ends.
     */
    private void expireIdleSessions() {
        long oldest = oldestKept();
        sessions.forEach((id, session) -> {
            synchronized (session) {
                expireIfIdle(id, session, oldest);
            }
        });
    }

    /** The clock's time before which a session's last request ends it. */
    private long oldestKept() {
        return clock.millis() - SESSION_LIFETIME.toMillis();
    }

    /** Ends {@code session} (its lock held) if its last request was before {@code oldest}; whether it did. */
    private boolean expireIfIdle(String id, Session session, long oldest) {
        if (session.expired || session.lastUsed >= oldest) {
            return false;
        }
        session.expired = true;
        sessions.remove(id);
        if (session.finished == null) {
            deleteQuietly(session.data);
        }
        return true;
    }

    /** Stores the chunk; returns the upload's total size, or -1 while the client has not said it. */
    private static long append(Session session, ApiRequest request) {
        String range = request.header("content-range");
        byte[] body = request.body();
        if (range == null) {
            write(session, body, 0);
            return session.received;
        }
        Matcher m = CONTENT_RANGE.matcher(range.trim());
        if (!m.matches()) {
            throw WireValues.invalid("malformed Content-Range: " + range);
        }
        if (m.group(1) != null) {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            if (first > session.received || last - first + 1 != body.length) {
                throw WireValues.invalid("Content-Range " + range + " does not continue the " + session.received
                        + " bytes received, or does not match the " + body.length + " bytes sent");
            }
            // A resent chunk overlaps what we hold: keep only its new tail.
            write(session, body, (int) (session.received - first));
        }
        return m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
    }

    private static void write(Session session, byte[] body, int skip) {
        if (session.broken != null) {
            throw new DicombqException(Code.FAILED_PRECONDITION, "this upload session failed to store a chunk ("
                    + session.broken + "); start the upload again");
        }
        if (skip >= body.length) {
            return;
        }
        try {
            session.stored = UncachedOutput.append(session.data, session.stored, body, skip, body.length - skip);
        } catch (IOException e) {
            session.broken = e.toString();
            throw new UncheckedIOException(e);
        }
        session.received += body.length - skip;
    }

    /** Writes the upload's last, partial block. */
    private void closeUpload(Session session) {
        try {
            UncachedOutput.finish(session.data, session.stored);
        } catch (IOException e) {
            throw new DicombqException(Code.INTERNAL, "cannot store an upload in " + directory + ": " + e);
        }
    }

    /** Runs the load job; it may still be RUNNING when this answers, and removes the upload's file when it ends. */
    private ApiResponse finish(String id, Session session) {
        boolean inserted = false;
        try {
            closeUpload(session);
            inserted = true;
            session.finished = runner.insert(session.project, session.job, session.data,
                    () -> deleteQuietly(session.data));
            return ApiResponse.ok(session.finished);
        } finally {
            if (!inserted) {
                deleteQuietly(session.data);
            }
            if (session.finished == null) {
                sessions.remove(id);
            }
        }
    }
}
