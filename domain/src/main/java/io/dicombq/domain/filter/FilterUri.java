package io.dicombq.domain.filter;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an export's filter file is ({@code filterConfig.resourcePathsGcsUri}, specification 4): a Cloud Storage object
 * ({@code gs://bucket/object}), a file URL ({@code file:///path} or {@code file://localhost/path}, RFC 8089 2) or a
 * plain path on this machine. Any other scheme is refused, naming it.
 */
public sealed interface FilterUri {

    /** The text as the user gave it, for messages. */
    String text();

    /** {@code gs://bucket/object}: the Healthcare API's own form, which an offline warehouse cannot read. */
    record CloudStorage(String text) implements FilterUri {
    }

    /** A file on this machine, from a {@code file:} URL or a plain path. */
    record LocalFile(String text, Path path) implements FilterUri {
    }

    /** Parses the URI; INVALID_ARGUMENT for an empty text, another scheme or a malformed file URL. */
    static FilterUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "the URI is empty; give gs://BUCKET/OBJECT, file:///PATH or a path");
        }
        String scheme = scheme(text);
        if (scheme == null) {
            return new LocalFile(text, path(text, text));
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "gs" -> new CloudStorage(text);
            case "file" -> new LocalFile(text, fileUrl(text));
            default -> throw invalid(text, "the scheme '" + scheme + ":' is not supported; give gs://BUCKET/OBJECT,"
                    + " file:///PATH or a path");
        };
    }

    // RFC 3986 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"; a plain relative path such as
    // 'a:b.txt' is read as a scheme only when '//' follows, so colons stay usable in file names
    private static String scheme(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || !Character.isLetter(text.charAt(0))) {
            return null;
        }
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return null;
            }
        }
        String scheme = text.substring(0, colon);
        boolean known = scheme.equalsIgnoreCase("file") || scheme.equalsIgnoreCase("gs");
        return known || text.startsWith("//", colon + 1) ? scheme : null;
    }

    // RFC 8089 2: the authority of a file URL is empty or "localhost", both meaning this machine
    private static Path fileUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, "not a valid file URL (" + e.getReason() + ")");
        }
        String host = uri.getRawAuthority();
        if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            throw invalid(text, "the file URL names the host '" + host + "'; only files on this machine can be read:"
                    + " file:///PATH or file://localhost/PATH");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(text, "a file URL has no query or fragment");
        }
        String path = uri.getPath();
        if (path == null || !path.startsWith("/")) {
            throw invalid(text, "a file URL needs an absolute path: file:///PATH");
        }
        return path(text, path);
    }

    private static Path path(String text, String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw invalid(text, "not a valid path (" + e.getMessage() + ")");
        }
    }

    private static DicombqException invalid(String text, String why) {
        return new DicombqException(Code.INVALID_ARGUMENT, "Filter file '" + text
                + "' (filterConfig.resourcePathsGcsUri) could not be read: " + why);
    }
}
