package io.dicombq.adapter.in.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One REST call as the endpoints see it: the body already gunzipped, the path's parts captured by the route.
 *
 * @param baseUrl {@code http://host:port} as the client addressed the emulator, for absolute upload URLs
 */
record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                  byte[] body, String baseUrl, Matcher pathParts) {

    String part(String name) {
        return pathParts.group(name);
    }

    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean hasParam(String name) {
        return query.containsKey(name);
    }

    /** A header by its lower-case name. */
    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    JsonNode json() {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        return WireJson.read(body, "request body");
    }

    ApiRequest withPathParts(Matcher matcher) {
        return new ApiRequest(method, path, query, headers, body, baseUrl, matcher);
    }
}
