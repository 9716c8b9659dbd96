package io.dicombq.pipeline.beam;

import io.dicombq.domain.json.JsonReader;
import io.dicombq.domain.operation.InstanceFailure;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files one export's pipeline leaves for its driver under the temp location (a local folder, or gs:// on
 * Dataflow), read and removed through Beam's FileSystems so that any runner's workers and the driver share them.
 */
final class WorkDirectory {
    private final String path;

    private WorkDirectory(String path) {
        this.path = path;
    }

    static WorkDirectory under(String tempLocation, String name) {
        if (tempLocation == null || tempLocation.isEmpty()) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "the pipeline needs a temp location for its load files:"
                    + " give --temp-location (a local folder for direct and flink, gs://bucket/path for dataflow)");
        }
        return new WorkDirectory(tempLocation.endsWith("/") ? tempLocation + name : tempLocation + "/" + name);
    }

    String path() {
        return path;
    }

    String read(String file) {
        try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchSingleFileSpec(file).resourceId()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DicombqException(Code.INTERNAL, "cannot read " + file + " written by the pipeline: " + e.getMessage());
        }
    }

    /** Whether the pipeline wrote {@code file} (its done marker once its work is complete). */
    boolean exists(String file) {
        return !match(file).isEmpty();
    }

    /** The operation log lines the pipeline kept for instances it could not export. */
    List<InstanceFailure> failures(ExportSpec spec) {
        List<InstanceFailure> failures = new ArrayList<>();
        for (ResourceId file : match(spec.failuresPrefix() + "*")) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    Channels.newInputStream(FileSystems.open(file)), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        failures.add(parse(line));
                    }
                }
            } catch (IOException e) {
                throw new DicombqException(Code.INTERNAL, "cannot read " + file + " written by the pipeline: " + e.getMessage());
            }
        }
        return failures;
    }

    /** The line {@link InstanceFailure#jsonLine()} wrote. */
    private static InstanceFailure parse(String line) {
        Map<?, ?> object = (Map<?, ?>) JsonReader.parse(line);
        Map<?, ?> error = (Map<?, ?>) object.get("error");
        Code code = Code.ofNumber(((Number) error.get("code")).intValue());
        return new InstanceFailure((String) object.get("resourceName"), new RpcError(code, (String) error.get("message")));
    }

    void deleteQuietly() {
        try {
            List<ResourceId> files = match(path + "/**");
            FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        } catch (IOException | RuntimeException e) {
            // Temporary files only; the temp location's own lifecycle removes what is left.
        }
    }

    private static List<ResourceId> match(String glob) {
        try {
            MatchResult result = FileSystems.match(glob, EmptyMatchTreatment.ALLOW);
            List<ResourceId> files = new ArrayList<>();
            for (MatchResult.Metadata metadata : result.metadata()) {
                files.add(metadata.resourceId());
            }
            return files;
        } catch (IOException e) {
            throw new DicombqException(Code.INTERNAL, "cannot list " + glob + ": " + e.getMessage());
        }
    }
}
