package io.dicombq.adapter.in.http.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class DicomWebAllowListTest {
    private final DicomWebAllowList allowed = DicomWebAllowList.of(List.of("http://PACS.example:8042/dicom-web/", "https://cloud.example"));

    @ParameterizedTest
    @ValueSource(strings = {"http://pacs.example:8042/dicom-web", "http://pacs.example:8042/dicom-web/",
            "HTTP://pacs.EXAMPLE:8042/dicom-web/sub", "https://cloud.example/v1/projects/p/dicomWeb", "https://cloud.example:443"})
    void theRootsAndWhatIsBelowThemAreAllowed(String url) {
        assertThatCode(() -> allowed.check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://pacs.example:8042/dicom-web-other", "http://pacs.example:8043/dicom-web",
            "https://pacs.example:8042/dicom-web", "http://pacs.example/dicom-web", "http://127.0.0.1:8042/dicom-web",
            "http://cloud.example/x", "http://169.254.169.254/computeMetadata/v1"})
    void anythingElseIsPermissionDenied(String url) {
        assertThatThrownBy(() -> allowed.check(url)).isInstanceOfSatisfying(DicombqException.class, e -> {
            assertThat(e.code()).isEqualTo(Code.PERMISSION_DENIED);
            assertThat(e.getMessage()).contains("--dicomweb-root");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://pacs.example:8042/dicom-web/../admin", "http://pacs.example:8042/dicom-web/%2e%2e/admin",
            "http://pacs.example:8042/dicom-web%2Fx", "http://user@pacs.example:8042/dicom-web", "http://pacs.example:8042/dicom-web?x=1",
            "ftp://pacs.example/dicom-web", "not a url"})
    void trickyOrMalformedUrlsAreInvalid(String url) {
        assertThatThrownBy(() -> allowed.check(url)).isInstanceOfSatisfying(DicombqException.class,
                e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    @Test
    void anEmptyListAllowsNothing() {
        assertThatThrownBy(() -> DicomWebAllowList.of(List.of()).check("http://localhost:8042/dicom-web"))
                .hasMessageContaining("it allows none");
    }
}
