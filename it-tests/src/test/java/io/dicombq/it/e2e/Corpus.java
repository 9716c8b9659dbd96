package io.dicombq.it.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The pydicom test corpus (CORPUS.md), read where Debian's python3-pydicom installs it. */
final class Corpus {
    static final Path DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    static final Path TEST_FILES = DATA.resolve("test_files");

    private Corpus() {
    }

    static Path file(String name) {
        Path file = TEST_FILES.resolve(name);
        assertThat(file).as("pydicom corpus file (install python3-pydicom: scripts/install-test-deps)").isRegularFile();
        return file;
    }

    /** A temporary store folder holding copies of these corpus files (test-time copies, never in the repository). */
    static Path folderOf(Path folder, String... names) {
        try {
            Files.createDirectories(folder);
            for (String name : names) {
                Files.copy(file(name), folder.resolve(Path.of(name).getFileName()));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
