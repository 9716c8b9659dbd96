package io.dicombq.adapter.out.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLibraryCacheTest {
    @TempDir
    Path temp;

    private Path jarWith(String content) throws Exception {
        Path jar = temp.resolve("zetasql-jni-channel-linux-2024.11.1.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(NativeLibraryCache.RESOURCE));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static URL resourceIn(Path jar) throws Exception {
        return new URL("jar:" + jar.toUri() + "!/" + NativeLibraryCache.RESOURCE);
    }

    @Test
    void theLibraryIsCopiedOnceUnderTheJarsNameAndSize() throws Exception {
        Path jar = jarWith("native code");
        Path root = temp.resolve("cache");

        Path entry = NativeLibraryCache.keep(resourceIn(jar), root);

        assertThat(entry).isEqualTo(root.resolve("zetasql").resolve("zetasql-jni-channel-linux-2024.11.1-" + Files.size(jar)));
        Path library = entry.resolve(NativeLibraryCache.RESOURCE);
        assertThat(Files.readString(library)).isEqualTo("native code");
        assertThat(Files.list(library.getParent())).containsExactly(library);

        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(library, written);
        assertThat(NativeLibraryCache.keep(resourceIn(jar), root)).isEqualTo(entry);
        assertThat(Files.getLastModifiedTime(library)).as("a cached library is not written again").isEqualTo(written);
    }

    @Test
    void aLibraryReadFromADirectoryIsAlreadyCached() throws Exception {
        Path directory = temp.resolve("classes");
        Path library = directory.resolve(NativeLibraryCache.RESOURCE);
        Files.createDirectories(library.getParent());
        Files.writeString(library, "native code");

        assertThat(NativeLibraryCache.keep(library.toUri().toURL(), temp.resolve("cache"))).isNull();
        assertThat(temp.resolve("cache")).doesNotExist();
    }
}
