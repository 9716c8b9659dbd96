package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** What an endpoint answers: a status, a JSON body (or none) and extra headers. */
record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }
}
