package io.dicombq.adapter.in.emulator;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.domain.status.DicombqException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The list parameters. Rows (tabledata.list, getQueryResults): startIndex or the pageToken we issued (a row
 * index), and maxResults. Collections (datasets.list, tables.list, jobs.list): maxResults (default
 * {@link #DEFAULT_PAGE_SIZE}, at most {@link #MAX_PAGE_SIZE}), an opaque pageToken, and nextPageToken while
 * more follow; a token that is not one we issued for that listing is a 400, as in BigQuery.
 */
final class Paging {
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 1000;

    private Paging() {
    }

    /** One page of a collection and the token of the next one (null on the last page). */
    record Page<T>(List<T> items, String nextPageToken) {
    }

    /** The page of {@code all} that the request asks for; {@code listing} names the collection in the token. */
    static <T> Page<T> page(ApiRequest request, String listing, List<T> all) {
        String maxResults = request.param("maxResults");
        long asked = maxResults == null ? 0 : parse(maxResults, "maxResults");
        int size = asked == 0 ? DEFAULT_PAGE_SIZE : (int) Math.min(asked, MAX_PAGE_SIZE);
        String token = request.param("pageToken");
        int from = token == null || token.isEmpty() ? 0 : offset(token, listing, all.size());
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? token(listing, to) : null);
    }

    private static String token(String listing, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listing + "\n" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String listing, int size) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int newline = decoded.lastIndexOf('\n');
            if (newline >= 0 && decoded.substring(0, newline).equals(listing)) {
                int offset = Integer.parseInt(decoded.substring(newline + 1));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: the same answer as any other token we did not issue
        }
        throw WireValues.invalid("Invalid page token: " + token + " (pass the nextPageToken of the previous page of"
                + " this listing)");
    }

    /**
     * tabledata.list's start: startIndex, or the pageToken of the previous page, which is a row index followed by the
     * table generation and the row id that page ended at (so the next page continues there instead of skipping rows).
     */
    static H2Warehouse.PagePosition rowPosition(ApiRequest request) {
        String token = request.param("pageToken");
        if (token == null || token.indexOf('.') < 0) {
            return H2Warehouse.PagePosition.at(start(request));
        }
        String[] parts = token.split("\\.", 3);
        try {
            if (parts.length == 3 && !parts[2].isEmpty()) {
                return new H2Warehouse.PagePosition(parse(parts[0], "pageToken"), parts[2], parse(parts[1], "pageToken"));
            }
        } catch (DicombqException e) {
            // the same answer as any other token we did not issue
        }
        throw WireValues.invalid("Invalid page token: " + token + " (pass the pageToken of the previous page)");
    }

    /** The pageToken of the page that starts at {@code next}. */
    static String rowToken(H2Warehouse.PagePosition next) {
        return next.index() + "." + next.afterRowId() + "." + next.generation();
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

    static TimestampFormat timestamps(ApiRequest request) {
        return TimestampFormat.of("true".equalsIgnoreCase(request.param("formatOptions.useInt64Timestamp")),
                request.param("formatOptions.timestampOutputFormat"));
    }

    static long parse(String value, String name) {
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
