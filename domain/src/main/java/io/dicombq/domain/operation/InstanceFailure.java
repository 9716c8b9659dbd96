package io.dicombq.domain.operation;

import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.status.RpcError;

import java.util.Objects;

/** One instance an export skipped, as a line of the operation's log (specification 2 and 5). */
public record InstanceFailure(String resourceName, RpcError error) {
    public InstanceFailure {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(error, "error");
    }

    /** {@code {"resourceName": "...", "error": {"code": N, "message": "..."}}} on one line. */
    public String jsonLine() {
        StringBuilder out = new StringBuilder(128);
        JsonWriter json = JsonWriter.compact(out);
        json.beginObject().name("resourceName").value(resourceName).name("error");
        OperationJson.writeError(error, json);
        json.endObject();
        return out.toString();
    }
}
