package io.dicombq.adapter.out.dicom.web;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where a DICOMweb service lives: its base URL (the part before {@code /studies}, PS3.18 8.2) and an optional
 * OAuth bearer token. The token never appears in {@link #toString()}, errors or resource names.
 */
public record DicomWebEndpoint(URI root, Optional<String> bearerToken) {

    public DicomWebEndpoint {
        if (root == null || root.getScheme() == null
                || !(root.getScheme().equals("http") || root.getScheme().equals("https")) || root.getHost() == null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "DICOMweb URL '" + root
                    + "' is not an http(s) URL with a host: give the service root, e.g. http://localhost:8042/dicom-web");
        }
        if (root.getRawQuery() != null || root.getRawFragment() != null) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "DICOMweb URL '" + root
                    + "' has a query or fragment: give only the service root, e.g. http://localhost:8042/dicom-web");
        }
        String path = root.getRawPath() == null ? "" : root.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        root = URI.create(root.getScheme() + "://" + root.getRawAuthority() + path);
        bearerToken = bearerToken.filter(token -> !token.isBlank());
    }

    /** Parses a base URL such as {@code http://localhost:8042/dicom-web/} (a trailing slash is optional). */
    public static DicomWebEndpoint parse(String url, Optional<String> bearerToken) {
        try {
            return new DicomWebEndpoint(new URI(url.strip()), bearerToken);
        } catch (URISyntaxException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "DICOMweb URL '" + url + "' is not a valid URL ("
                    + e.getReason() + "): give the service root, e.g. http://localhost:8042/dicom-web");
        }
    }

    public static DicomWebEndpoint parse(String url) {
        return parse(url, Optional.empty());
    }

    /** The absolute URL of a path below the root; {@code pathAndQuery} starts with '/'. */
    URI resolve(String pathAndQuery) {
        return URI.create(root + pathAndQuery);
    }

    /** Whether {@code uri} has the root's scheme, host and port (RFC 6454 5). */
    boolean sameOrigin(URI uri) {
        return sameOrigin(root, uri);
    }

    /** Whether two URLs have the same scheme, host and port (RFC 6454 5: the unit credentials belong to). */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost()) && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return root + (bearerToken.isPresent() ? " (with bearer token)" : "");
    }
}
