package io.dicombq.adapter.in.http;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list method (AIP-158, as the Healthcare API's dicomStores.list documents it): {@code pageSize}
 * absent or 0 gives {@value #DEFAULT_PAGE_SIZE} items, larger sizes are lowered to {@value #MAX_PAGE_SIZE}, a
 * negative one is INVALID_ARGUMENT. {@code nextPageToken} is opaque to clients; it is bound to the collection it
 * came from and resumes after the last item returned, so items created meanwhile do not shift the pages.
 */
record ListPage<T>(List<T> items, Optional<String> nextPageToken) {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    private static final String TOKEN_VERSION = "dicombq-page-1";

    /**
     * The page of {@code all} (in the list's order) that {@code pageSize} and {@code pageToken} ask for;
     * {@code collection} (e.g. {@code projects/…/datasets/D/dicomStores}) is what the token is bound to.
     */
    static <T> ListPage<T> of(List<T> all, Function<T, String> nameOf, String collection, String pageSize, String pageToken) {
        int size = size(pageSize);
        int start = pageToken == null || pageToken.isEmpty() ? 0 : resume(all, nameOf, collection, pageToken);
        int end = Math.min(all.size(), start + size);
        List<T> items = List.copyOf(all.subList(Math.min(start, end), end));
        Optional<String> next = end < all.size() && !items.isEmpty()
                ? Optional.of(token(collection, end, nameOf.apply(items.get(items.size() - 1))))
                : Optional.empty();
        return new ListPage<>(items, next);
    }

    private static int size(String pageSize) {
        if (pageSize == null || pageSize.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(pageSize);
        } catch (NumberFormatException e) {
            throw invalid("Invalid value at 'page_size' (TYPE_INT32), \"" + pageSize + "\"");
        }
        if (size < 0) {
            throw invalid("pageSize must not be negative, was " + size + "; leave it out for " + DEFAULT_PAGE_SIZE
                    + " items a page, at most " + MAX_PAGE_SIZE);
        }
        return size == 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    }

    // the token holds where the previous page ended: its last item's name (found again even if items were added
    // before it) and, should that item be gone, its position
    private static String token(String collection, int end, String lastName) {
        String plain = TOKEN_VERSION + "\n" + collection + "\n" + end + "\n" + lastName;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> int resume(List<T> all, Function<T, String> nameOf, String collection, String pageToken) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8).split("\n", 4);
        } catch (IllegalArgumentException e) {
            throw badToken(pageToken);
        }
        if (parts.length != 4 || !parts[0].equals(TOKEN_VERSION)) {
            throw badToken(pageToken);
        }
        if (!parts[1].equals(collection)) {
            throw invalid("The page token was returned by a list of " + parts[1] + ", not of " + collection
                    + "; send it only with the request that returned it");
        }
        int end;
        try {
            end = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw badToken(pageToken);
        }
        if (end < 0) {
            throw badToken(pageToken);
        }
        for (int i = 0; i < all.size(); i++) {
            if (nameOf.apply(all.get(i)).equals(parts[3])) {
                return i + 1;
            }
        }
        return Math.min(end, all.size());
    }

    private static DicombqException badToken(String pageToken) {
        String shown = pageToken.length() <= 80 ? pageToken : pageToken.substring(0, 77) + "...";
        return invalid("Invalid page token '" + shown + "': send the nextPageToken of the previous page unchanged,"
                + " or no pageToken for the first page");
    }

    private static DicombqException invalid(String message) {
        return new DicombqException(Code.INVALID_ARGUMENT, message);
    }
}
