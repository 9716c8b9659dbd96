package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The job resources the emulator has run or is running, by project and job id. */
final class Jobs {
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,1024}");
    private static final int KEPT = 10_000;

    private final Map<String, ObjectNode> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > KEPT;
        }
    };

    static void checkJobId(String jobId) {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw WireValues.invalid("Invalid job ID \"" + jobId + "\". Job IDs must be alphanumeric (plus"
                    + " underscores and dashes) and at most 1024 characters long.");
        }
    }

    /** Reserves the id so a second insert of the same job fails as in BigQuery. */
    synchronized void reserve(String project, String jobId) {
        String key = key(project, jobId);
        if (jobs.containsKey(key)) {
            throw new DicombqException(Code.ALREADY_EXISTS, "Already Exists: Job " + project + ":"
                    + Resources.LOCATION + "." + jobId);
        }
        jobs.put(key, null);
    }

    synchronized void put(String project, String jobId, ObjectNode job) {
        jobs.put(key(project, jobId), job);
        notifyAll();
    }

    /** The job once it is DONE, or as it is when {@code wait} has passed (getQueryResults' timeoutMs). */
    synchronized ObjectNode awaitDone(String project, String jobId, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        ObjectNode job = get(project, jobId);
        for (long left = wait.toNanos(); !isDone(job) && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            job = get(project, jobId);
        }
        return job;
    }

    static boolean isDone(ObjectNode job) {
        return "DONE".equals(job.path("status").path("state").asText());
    }

    synchronized ObjectNode get(String project, String jobId) {
        ObjectNode job = jobs.get(key(project, jobId));
        if (job == null) {
            throw new DicombqException(Code.NOT_FOUND, "Not found: Job " + project + ":" + Resources.LOCATION
                    + "." + jobId);
        }
        return job;
    }

    synchronized List<ObjectNode> list(String project) {
        List<ObjectNode> found = new ArrayList<>();
        jobs.forEach((key, job) -> {
            if (job != null && key.startsWith(project + "/")) {
                found.add(job);
            }
        });
        return found;
    }

    private static String key(String project, String jobId) {
        return project + "/" + jobId;
    }
}
