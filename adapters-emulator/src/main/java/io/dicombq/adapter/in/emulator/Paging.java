package io.dicombq.adapter.in.emulator;

/** The list parameters: startIndex or the pageToken we issued (a row index), and maxResults. */
final class Paging {
    private Paging() {
    }

    static long start(ApiRequest request) {
        String token = request.param("pageToken");
        String value = token != null ? token : request.param("startIndex");
        return value == null ? 0 : parse(value, "pageToken/startIndex");
    }

    static long max(ApiRequest request, long defaultValue) {
        String value = request.param("maxResults");
        return value == null ? defaultValue : parse(value, "maxResults");
    }

    static boolean int64Timestamps(ApiRequest request) {
        return "true".equalsIgnoreCase(request.param("formatOptions.useInt64Timestamp"));
    }

    private static long parse(String value, String name) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException("negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw WireValues.invalid("invalid " + name + ": " + value);
        }
    }
}
