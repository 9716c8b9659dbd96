package io.dicombq.pipeline.beam;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The glob semantics of a file pattern, on a local tree through Beam's local file system (the GCS file system applies
 * the same rules to gs://: * and ? within a segment, ** across), and the errors of a pattern that cannot be read.
 */
class FileMatcherTest {
    @TempDir
    Path tree;
    private final PipelineOptions options = PipelineOptionsFactory.create();

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(tree.resolve("a/b"));
        for (String file : List.of("top.dcm", "top.txt", "a/one.dcm", "a/b/two.dcm", "a/b/DICOMDIR", "a/dicomdir")) {
            Files.writeString(tree.resolve(file), file);
        }
        FileSystems.setDefaultPipelineOptions(options);
    }

    private List<String> match(String glob) {
        return FileMatcher.match(FilePattern.of(tree + glob).orElseThrow(), options).stream()
                .map(MatchResult.Metadata::resourceId).map(Object::toString)
                .map(name -> name.substring(tree.toString().length())).sorted().toList();
    }

    @Test
    void aStarStaysInOneFolderAndTwoStarsCrossFolders() {
        assertThat(match("/*.dcm")).containsExactly("/top.dcm");
        assertThat(match("/*")).containsExactly("/top.dcm", "/top.txt");
        assertThat(match("/**/*.dcm")).containsExactly("/a/b/two.dcm", "/a/one.dcm");
        assertThat(match("/**.dcm")).containsExactly("/a/b/two.dcm", "/a/one.dcm", "/top.dcm");
        assertThat(match("/a/?/*")).containsExactly("/a/b/two.dcm");
    }

    @Test
    void directoriesAndDicomDirFilesAreNotInstances() {
        assertThat(match("/**")).containsExactly("/a/b/two.dcm", "/a/one.dcm", "/top.dcm", "/top.txt");
        assertThatThrownBy(() -> match("/a*")).as("only a folder matches")
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND));
    }

    @Test
    void aPatternThatMatchesNothingSaysSo() {
        assertThatThrownBy(() -> match("/**/*.DCM"))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_FOUND))
                .hasMessageContaining("no file matches " + tree + "/**/*.DCM");
    }

    @Test
    void aGcsPatternGoesToBeamsGcsFileSystemAndNeedsCredentials() {
        FilePattern gcs = FilePattern.of("gs://dicombq-test-bucket/dicom/**/*.dcm").orElseThrow();
        assertThat(FileMatcher.resource(gcs).getClass().getName())
                .isEqualTo("org.apache.beam.sdk.extensions.gcp.storage.GcsResourceId");
        PipelineOptions noCredentials = PipelineOptionsFactory.fromArgs(
                "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory").create();
        assertThatThrownBy(() -> FileMatcher.match(gcs, noCredentials))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.UNAUTHENTICATED))
                .hasMessageContaining("gs://dicombq-test-bucket/dicom/**/*.dcm")
                .hasMessageContaining("GCS file system").hasMessageContaining("credentials");
    }

    @Test
    void aBadBucketNameOrAnUnknownSchemeIsRefused() {
        assertThatThrownBy(() -> FileMatcher.match(FilePattern.of("gs://Bad_Bucket!/x/**").orElseThrow(), options))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageContaining("bucket");
        assertThatThrownBy(() -> FileMatcher.match(FilePattern.of("s3://bucket/x/**").orElseThrow(), options))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageContaining("No filesystem found for scheme s3").hasMessageContaining("gs://");
    }
}
