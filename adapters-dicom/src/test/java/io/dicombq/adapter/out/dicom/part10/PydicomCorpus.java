package io.dicombq.adapter.out.dicom.part10;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The DICOM files python3-pydicom installs (CORPUS.md): real files nobody in this project wrote. */
final class PydicomCorpus {
    static final Path ROOT = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final Pattern NOT_DICOM = Pattern.compile(".*(\\.(py|pyc|txt|json|dump|gz|md)|/README)$");

    private PydicomCorpus() {
    }

    /** Every corpus file, sorted; fails with the fix when the package is missing. */
    static List<Path> files() {
        assertThat(ROOT.resolve("test_files"))
                .as("the pydicom corpus; install it with scripts/install-test-deps (apt-get install python3-pydicom)")
                .isDirectory();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !NOT_DICOM.matcher(path.toString()).matches())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static String relative(Path file) {
        return ROOT.relativize(file).toString();
    }
}
