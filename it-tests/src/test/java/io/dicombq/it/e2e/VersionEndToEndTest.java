package io.dicombq.it.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dicombq version} names the editions of both data dictionaries the reader uses (specification 3.2). */
class VersionEndToEndTest {
    @TempDir
    Path temp;

    @Test
    void printsTheEditionsOfThePublicAndPrivateDictionaries() {
        String out = new Cli(temp.resolve("data")).ok("version");
        assertThat(out).containsPattern("DICOM data dictionary: pydicom \\S+, \\d+ entries")
                .containsPattern("DICOM private dictionary: pydicom \\S+'s private dictionary \\(GDCM's\\), \\d+ entries");
    }
}
