package io.dicombq.adapter.in.emulator;

import java.util.regex.Pattern;

/** One REST method: an HTTP verb, a path pattern with named groups, and the endpoint answering it. */
record Route(String method, Pattern path, Endpoint endpoint) {

    /** Builds the pattern from a template such as {@code /projects/{project}/datasets/{dataset}}. */
    static Route of(String method, String template, Endpoint endpoint) {
        String regex = template.replaceAll("\\{(\\w+)}", "(?<$1>[^/]+)");
        return new Route(method, Pattern.compile(regex), endpoint);
    }

    @FunctionalInterface
    interface Endpoint {
        ApiResponse handle(ApiRequest request);
    }
}
