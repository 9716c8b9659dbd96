package io.dicombq.pipeline.beam;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A store source that names Part 10 files by a pattern the pipeline matches itself with Beam's FileSystems, rather
 * than a folder or a DICOMweb service opened through {@code DicomStoreSources}: a local glob ({@code /data/**&#47;*.dcm}),
 * or anything under another file system's scheme ({@code gs://bucket/dicom/**}, through Beam's GCS file system).
 * Beam's glob rules apply: {@code *} and {@code ?} stay within one path segment, {@code **} crosses segments, and
 * {@code gs://bucket/folder} without a wildcard means everything under the folder, as a local folder does.
 *
 * @param source the text as the user gave it, which names the store
 * @param spec   the glob handed to {@code FileSystems.match}
 * @param root   the part before the first segment with a wildcard: the local folder the matches are read under
 * @param scheme the file system's scheme, {@code file} for a local path
 */
record FilePattern(String source, String spec, String root, String scheme) implements Serializable {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");
    /** The characters that make a segment a glob for Beam's file systems (java.nio's glob syntax, GCS wildcards). */
    private static final String WILDCARDS = "*?[{";

    /** The pattern {@code source} is, or empty when it is a folder or a DICOMweb URL, read as a store. */
    static Optional<FilePattern> of(String source) {
        var scheme = SCHEME.matcher(source);
        if (scheme.find()) {
            String name = scheme.group(1).toLowerCase(java.util.Locale.ROOT);
            if (name.equals("http") || name.equals("https")) {
                return Optional.empty();
            }
            String path = source.substring(scheme.end());
            if (path.isEmpty() || path.startsWith("/")) {
                throw new DicombqException(Code.INVALID_ARGUMENT, "'" + source + "' names no bucket or host: write "
                        + name + "://BUCKET/PATH, e.g. " + name + "://my-bucket/dicom/**");
            }
            String spec = hasWildcard(path) ? source : source.endsWith("/") ? source + "**" : source + "/**";
            return Optional.of(new FilePattern(source, spec, root(spec), name));
        }
        if (!hasWildcard(source)) {
            return Optional.empty();
        }
        // Workers match and read in other directories (and other machines): a relative glob is made absolute here.
        String spec = source.startsWith("/") ? source : Path.of("").toAbsolutePath() + "/" + source;
        return Optional.of(new FilePattern(source, spec, root(spec), "file"));
    }

    boolean local() {
        return scheme.equals("file");
    }

    private static boolean hasWildcard(String text) {
        return text.chars().anyMatch(c -> WILDCARDS.indexOf(c) >= 0);
    }

    /** The folder before the first segment holding a wildcard ({@code /data} for {@code /data/2024/**}). */
    private static String root(String spec) {
        int firstWildcard = 0;
        while (firstWildcard < spec.length() && WILDCARDS.indexOf(spec.charAt(firstWildcard)) < 0) {
            firstWildcard++;
        }
        int slash = spec.lastIndexOf('/', firstWildcard);
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : spec.substring(0, slash);
    }
}
