package io.dicombq.adapter.in.http.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DICOMweb services a server's stores may read, by base URL: a URL source must have an allowed root's scheme,
 * host and port, and its path must be the root's path or below it. Nothing else is reachable through the server,
 * so a caller cannot make it send requests (or its DICOMweb token) elsewhere. Hosts are compared as written,
 * never resolved: {@code localhost} and {@code 127.0.0.1} are different roots.
 */
public final class DicomWebAllowList {
    private final List<URI> roots;

    private DicomWebAllowList(List<URI> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The roots as given in {@code --dicomweb-root} or the access file's {@code dicomWebRoots}; may be empty. */
    public static DicomWebAllowList of(List<String> roots) {
        List<URI> parsed = new ArrayList<>();
        for (String root : roots) {
            parsed.add(normalized(root, "allowed DICOMweb root"));
        }
        return new DicomWebAllowList(parsed);
    }

    public List<URI> roots() {
        return roots;
    }

    /** PERMISSION_DENIED unless the URL is an allowed root or below one; INVALID_ARGUMENT for a malformed URL. */
    public void check(String url) {
        URI source = normalized(url, "DICOMweb URL");
        for (URI root : roots) {
            if (inside(source, root)) {
                return;
            }
        }
        throw new DicombqException(Code.PERMISSION_DENIED, "DICOMweb URL '" + url + "' is not one this server may read"
                + (roots.isEmpty() ? " (it allows none)" : "; allowed: " + roots)
                + "; its administrator can add the service's base URL with --dicomweb-root or dicomWebRoots in the access file");
    }

    private static boolean inside(URI source, URI root) {
        if (!source.getScheme().equals(root.getScheme()) || !source.getHost().equals(root.getHost())
                || source.getPort() != root.getPort()) {
            return false;
        }
        String rootPath = root.getRawPath();
        String path = source.getRawPath();
        return path.equals(rootPath) || path.startsWith(rootPath.endsWith("/") ? rootPath : rootPath + "/");
    }

    // one spelling per place: lower-case scheme and host, explicit port, no trailing '/', no dot segments
    private static URI normalized(String url, String what) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid(what + " '" + url + "' is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw invalid(what + " '" + url + "' is not an http(s) URL with a host, e.g. http://localhost:8042/dicom-web");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(what + " '" + url + "' has user information, a query or a fragment; give only the base URL");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..") || segment.toLowerCase(Locale.ROOT).contains("%2f")) {
                throw invalid(what + " '" + url + "' has a '.', '..' or encoded '/' segment; give the base URL plainly");
            }
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        try {
            return new URI(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port + path);
        } catch (URISyntaxException e) {
            throw invalid(what + " '" + url + "' is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static DicombqException invalid(String message) {
        return new DicombqException(Code.INVALID_ARGUMENT, message);
    }
}
