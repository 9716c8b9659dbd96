package io.dicombq.domain.operation;

import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.status.RpcError;

import java.time.Instant;

/**
 * The JSON form of an {@link Operation}, as the Healthcare API's operations.get returns it (specification 2):
 * proto3 JSON mapping, so int64 counters are strings and zero or empty fields are left out.
 */
public final class OperationJson {
    static final String METADATA_TYPE = "type.googleapis.com/google.cloud.healthcare.v1.OperationMetadata";
    /** The export how-to shows a finished BigQuery export answering google.protobuf.Empty (specification 2). */
    static final String RESPONSE_TYPE = "type.googleapis.com/google.protobuf.Empty";

    private OperationJson() {
    }

    public static String compact(Operation operation) {
        StringBuilder out = new StringBuilder(512);
        write(operation, JsonWriter.compact(out));
        return out.toString();
    }

    public static String pretty(Operation operation) {
        StringBuilder out = new StringBuilder(512);
        write(operation, JsonWriter.pretty(out));
        return out.toString();
    }

    public static void write(Operation operation, JsonWriter json) {
        json.beginObject();
        json.name("name").value(operation.name().toString());
        writeMetadata(operation.metadata(), json);
        if (operation.done()) {
            json.name("done").value(true);
            if (operation.error().isPresent()) {
                json.name("error");
                writeError(operation.error().get(), json);
            } else {
                json.name("response").beginObject().name("@type").value(RESPONSE_TYPE).endObject();
            }
        }
        json.endObject();
    }

    /** google.rpc.Status: {@code details} is empty for dicombq's errors, so proto3 JSON leaves it out. */
    public static void writeError(RpcError error, JsonWriter json) {
        json.beginObject();
        json.name("code").value(error.code().number());
        json.name("message").value(error.message());
        json.endObject();
    }

    private static void writeMetadata(OperationMetadata metadata, JsonWriter json) {
        json.name("metadata").beginObject();
        json.name("@type").value(METADATA_TYPE);
        json.name("apiMethodName").value(metadata.apiMethodName());
        json.name("createTime").value(rfc3339(metadata.createTime()));
        if (metadata.endTime().isPresent()) {
            json.name("endTime").value(rfc3339(metadata.endTime().get()));
        }
        if (metadata.cancelRequested()) {
            json.name("cancelRequested").value(true);
        }
        json.name("logsUrl").value(metadata.logsUrl());
        OperationCounter counter = metadata.counter();
        if (!counter.isZero()) {
            json.name("counter").beginObject();
            int64("success", counter.success(), json);
            int64("failure", counter.failure(), json);
            int64("pending", counter.pending(), json);
            json.endObject();
        }
        json.endObject();
    }

    // proto3 JSON: int64 is a decimal string, and a zero scalar is the default, so it is omitted.
    private static void int64(String name, long value, JsonWriter json) {
        if (value != 0) {
            json.name(name).value(Long.toString(value));
        }
    }

    /** RFC 3339 in UTC with a {@code Z}, as google.protobuf.Timestamp's JSON form. */
    static String rfc3339(Instant instant) {
        return instant.toString();
    }
}
