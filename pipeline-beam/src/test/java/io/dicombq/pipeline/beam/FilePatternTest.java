package io.dicombq.pipeline.beam;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which store sources the pipeline matches itself, as what glob, read under which folder. */
class FilePatternTest {

    @Test
    void foldersAndDicomWebUrlsAreStoresNotPatterns() {
        assertThat(FilePattern.of("/data/dicom")).isEmpty();
        assertThat(FilePattern.of("relative/folder")).isEmpty();
        assertThat(FilePattern.of("http://127.0.0.1:8042/dicom-web")).isEmpty();
        assertThat(FilePattern.of("https://pacs.example/dicom-web")).isEmpty();
    }

    @Test
    void aLocalGlobIsMatchedUnderTheFolderBeforeItsFirstWildcard() {
        FilePattern pattern = FilePattern.of("/data/2024/**/*.dcm").orElseThrow();
        assertThat(pattern.spec()).isEqualTo("/data/2024/**/*.dcm");
        assertThat(pattern.root()).isEqualTo("/data/2024");
        assertThat(pattern.local()).isTrue();
        assertThat(FilePattern.of("/data/study-?/x.dcm").orElseThrow().root()).isEqualTo("/data");
        assertThat(FilePattern.of("/data/{a,b}/*").orElseThrow().root()).isEqualTo("/data");
        assertThat(FilePattern.of("/*.dcm").orElseThrow().root()).isEqualTo("/");
    }

    @Test
    void aRelativeGlobIsMadeAbsoluteForWorkersElsewhere() {
        FilePattern pattern = FilePattern.of("dicom/*.dcm").orElseThrow();
        String here = Path.of("").toAbsolutePath().toString();
        assertThat(pattern.spec()).isEqualTo(here + "/dicom/*.dcm");
        assertThat(pattern.root()).isEqualTo(here + "/dicom");
        assertThat(pattern.source()).isEqualTo("dicom/*.dcm");
    }

    @Test
    void aGcsPathIsAlwaysAPatternAndAFolderMeansEverythingUnderIt() {
        FilePattern glob = FilePattern.of("gs://my-bucket/dicom/**/*.dcm").orElseThrow();
        assertThat(glob.scheme()).isEqualTo("gs");
        assertThat(glob.local()).isFalse();
        assertThat(glob.spec()).isEqualTo("gs://my-bucket/dicom/**/*.dcm");
        assertThat(glob.root()).isEqualTo("gs://my-bucket/dicom");
        assertThat(FilePattern.of("gs://my-bucket/dicom").orElseThrow().spec()).isEqualTo("gs://my-bucket/dicom/**");
        assertThat(FilePattern.of("gs://my-bucket/dicom/").orElseThrow().spec()).isEqualTo("gs://my-bucket/dicom/**");
        assertThat(FilePattern.of("gs://my-bucket").orElseThrow().spec()).isEqualTo("gs://my-bucket/**");
    }

    @Test
    void aSchemeWithoutBucketIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> FilePattern.of("gs:///dicom/**"))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageContaining("gs://BUCKET/PATH");
    }
}
