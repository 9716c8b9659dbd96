package io.dicombq.adapter.in.http.access;

import io.dicombq.domain.filter.FilterUri;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The folders a server's stores may read: a folder source must lie inside one of the roots once every symbolic link
 * is resolved, and may not climb with {@code ..}. DICOMweb URLs are not folders and pass.
 */
public final class FolderConfinement {
    private final List<Path> realRoots;

    private FolderConfinement(List<Path> realRoots) {
        this.realRoots = List.copyOf(realRoots);
    }

    public static FolderConfinement to(List<Path> roots) {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            try {
                real.add(root.toRealPath());
            } catch (IOException e) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "folder root " + root + " does not exist or cannot be read: "
                        + "create it or remove it from the server's folder roots");
            }
        }
        if (real.isEmpty()) {
            throw new IllegalArgumentException("at least one folder root is needed");
        }
        return new FolderConfinement(real);
    }

    public List<Path> roots() {
        return realRoots;
    }

    public static boolean isUrl(String source) {
        String lower = source.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The folder's real path; INVALID_ARGUMENT for '..', NOT_FOUND when absent, PERMISSION_DENIED outside the roots. */
    public Path check(String source) {
        if (isUrl(source)) {
            return null;
        }
        Path folder = source.startsWith("file:") ? Path.of(URI.create(source)) : Path.of(source);
        for (Path part : folder) {
            if (part.toString().equals("..")) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "folder '" + source
                        + "' contains '..'; give the folder's path without climbing out of it");
            }
        }
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new DicombqException(Code.NOT_FOUND, "folder '" + source + "' does not exist on the server");
        }
        requireInside(real, source);
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "'" + source + "' is not a folder");
        }
        return real;
    }

    /**
     * A filter file ({@code file://…} or a path) must lie inside the roots too, so the server cannot be made to read
     * (and quote in its errors) other files; INVALID_ARGUMENT for a scheme other than gs: and file: ({@link FilterUri});
     * Cloud Storage URIs are left to the export to refuse.
     */
    public void checkFilterFile(String uri) {
        if (!(FilterUri.parse(uri) instanceof FilterUri.LocalFile local)) {
            return;
        }
        Path file = local.path();
        for (Path part : file) {
            if (part.toString().equals("..")) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "filter file '" + uri + "' contains '..'; give its path"
                        + " without climbing out of a folder");
            }
        }
        Path absolute = file.toAbsolutePath().normalize();
        try {
            requireInside(absolute.toRealPath(), uri);
        } catch (IOException missing) {
            requireInside(absolute, uri); // absent inside the roots: the export reports the missing file
        }
    }

    /** PERMISSION_DENIED unless this file (all links resolved) is inside a root: guards against links inside a store. */
    public void requireInside(Path real, String asGiven) {
        for (Path root : realRoots) {
            if (real.startsWith(root)) {
                return;
            }
        }
        throw new DicombqException(Code.PERMISSION_DENIED, "'" + asGiven + "' resolves to " + real
                + ", outside the folders this server may read " + realRoots
                + "; move the data under a root, or add one with --folder-root or folderRoots in the access file");
    }
}
