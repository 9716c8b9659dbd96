package io.dicombq.domain.filter;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterUriTest {

    @ParameterizedTest
    @ValueSource(strings = {"file:///srv/dicom/filter.txt", "file://localhost/srv/dicom/filter.txt",
            "file://LOCALHOST/srv/dicom/filter.txt", "file:/srv/dicom/filter.txt", "/srv/dicom/filter.txt"})
    void fileUrlsWithoutOrWithLocalhostAndPlainPathsNameTheSameFile(String text) {
        assertThat(FilterUri.parse(text)).isEqualTo(new FilterUri.LocalFile(text, Path.of("/srv/dicom/filter.txt")));
    }

    @Test
    void percentEscapesOfAFileUrlAreDecoded() {
        assertThat(((FilterUri.LocalFile) FilterUri.parse("file:///srv/my%20filter.txt")).path())
                .isEqualTo(Path.of("/srv/my filter.txt"));
    }

    @Test
    void aRelativePathMayHoldAColon() {
        assertThat(FilterUri.parse("lists/a:b.txt")).isEqualTo(new FilterUri.LocalFile("lists/a:b.txt", Path.of("lists/a:b.txt")));
        assertThat(FilterUri.parse("a:b.txt")).isInstanceOf(FilterUri.LocalFile.class);
    }

    @Test
    void cloudStorageIsRecognised() {
        assertThat(FilterUri.parse("gs://bucket/filter.txt")).isEqualTo(new FilterUri.CloudStorage("gs://bucket/filter.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/filter.txt", "http://127.0.0.1/filter.txt", "ftp://host/filter.txt",
            "s3://bucket/filter.txt", "HTTPS://example.com/f"})
    void anyOtherSchemeIsInvalidAndNamed(String text) {
        String scheme = text.substring(0, text.indexOf(':'));
        assertThatThrownBy(() -> FilterUri.parse(text)).isInstanceOfSatisfying(DicombqException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("the scheme '" + scheme + ":' is not supported").contains(text);
        });
    }

    @Test
    void aFileUrlOfAnotherHostIsInvalid() {
        assertThatThrownBy(() -> FilterUri.parse("file://server/srv/filter.txt"))
                .isInstanceOfSatisfying(DicombqException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("names the host 'server'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "file://localhost/a b|c%zz"})
    void emptyOrMalformedIsInvalid(String text) {
        assertThatThrownBy(() -> FilterUri.parse(text)).isInstanceOfSatisfying(DicombqException.class,
                e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT));
    }
}
