package io.dicombq.adapter.out.sql;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps ZetaSQL's native library uncompressed in a per-user cache, for the next JVM. ZetaSQL's loader
 * ({@code JniChannelProvider} → {@code NativeUtils.loadLibraryFromJar}) takes no file path: the property
 * {@code zetasql.local_service.path} names a class-path resource, which it copies into a fresh directory of
 * {@code java.io.tmpdir} at every start and loads from there. It reads that resource from the first class-path
 * entry holding it, so the {@code dicombq} launcher puts {@link #directory} ahead of the jars: the copy then reads
 * the cached file instead of inflating 105 MB out of a 32 MB jar (docs/BENCHMARKS.md).
 */
final class NativeLibraryCache {
    /** The resource ZetaSQL's loader reads on Linux (x86-64). */
    static final String RESOURCE = "zetasql/local_service/liblocal_service_jni.so";
    private static final Logger LOG = Logger.getLogger(NativeLibraryCache.class.getName());

    private NativeLibraryCache() {
    }

    /** Caches the library this JVM loads, unless it already came from the cache; any failure only costs speed. */
    static void keep() {
        URL resource = NativeLibraryCache.class.getClassLoader().getResource(RESOURCE);
        try {
            if (resource != null) {
                keep(resource, root());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "ZetaSQL's native library is not cached", e);
        }
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/dicombq} (XDG Base Directory Specification). */
    static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("dicombq");
    }

    /**
     * Copies the resource of a jar to {@code root/zetasql/<jar name>-<jar size>/RESOURCE}, written to a temporary
     * file and renamed, so two processes starting at once never see a partial file; the class-path directory that
     * holds it, or null when the resource is not in a jar (already cached).
     */
    static Path keep(URL resource, Path root) throws IOException {
        if (!"jar".equals(resource.getProtocol())) {
            return null;
        }
        Path jar;
        try {
            jar = Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the jar of " + resource, e);
        }
        Path entry = directory(root, jar);
        Path target = entry.resolve(RESOURCE);
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            return entry;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "liblocal_service_jni", ".part");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return entry;
    }

    /** The class-path directory for a jar: keyed by its name (which holds ZetaSQL's version) and size. */
    static Path directory(Path root, Path jar) throws IOException {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return root.resolve("zetasql").resolve(name + "-" + Files.size(jar));
    }
}
