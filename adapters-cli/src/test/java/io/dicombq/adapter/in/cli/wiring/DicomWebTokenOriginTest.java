package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.dicom.web.DicomWebStore;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The DICOMweb token goes to the origin it is for, and a server never hands it to several origins. */
class DicomWebTokenOriginTest {
    private static final List<URI> TWO_ORIGINS = List.of(URI.create("http://127.0.0.1:8042/dicom-web"),
            URI.create("http://127.0.0.1:9042/dicom-web"));

    @Test
    void withAnOriginTheTokenGoesToThatOriginOnly() {
        LocalDicomStoreSources sources = new LocalDicomStoreSources(Optional.of("secret"), Optional.of("http://127.0.0.1:8042"));
        assertThat(token(sources, "http://127.0.0.1:8042/dicom-web")).contains("secret");
        assertThat(token(sources, "http://127.0.0.1:8042/other/dicom-web/")).contains("secret");
        assertThat(token(sources, "http://127.0.0.1:9042/dicom-web")).isEmpty();
        assertThat(token(sources, "https://127.0.0.1:8042/dicom-web")).isEmpty();
        assertThat(token(sources, "http://localhost:8042/dicom-web")).isEmpty();
        sources.requireTokenBoundTo(TWO_ORIGINS);
    }

    @Test
    void withoutAnOriginTheTokenGoesToWhateverSourceTheUserGave() {
        LocalDicomStoreSources sources = new LocalDicomStoreSources(Optional.of("secret"), Optional.empty());
        assertThat(token(sources, "http://127.0.0.1:9042/dicom-web")).contains("secret");
        sources.requireTokenBoundTo(List.of(URI.create("http://127.0.0.1:8042/a"), URI.create("http://127.0.0.1:8042/b")));
    }

    @Test
    void aServerWithATokenAndRootsOnTwoOriginsIsRefusedUntilTheOriginIsGiven() {
        LocalDicomStoreSources sources = new LocalDicomStoreSources(Optional.of("secret"), Optional.empty());
        DicombqException error = catchThrowableOfType(DicombqException.class, () -> sources.requireTokenBoundTo(TWO_ORIGINS));
        assertThat(error.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(error.getMessage()).contains("DICOMBQ_DICOMWEB_TOKEN_ORIGIN").contains("2 origins")
                .contains("http://127.0.0.1:8042").doesNotContain("secret");
        new LocalDicomStoreSources(Optional.empty(), Optional.empty()).requireTokenBoundTo(TWO_ORIGINS);
    }

    @Test
    void aMalformedOriginIsRefusedNamingTheVariable() {
        DicombqException error = catchThrowableOfType(DicombqException.class,
                () -> new LocalDicomStoreSources(Optional.of("secret"), Optional.of("pacs.example")));
        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains("$DICOMBQ_DICOMWEB_TOKEN_ORIGIN 'pacs.example'");
    }

    private static Optional<String> token(LocalDicomStoreSources sources, String source) {
        return ((DicomWebStore) sources.open(source)).endpoint().bearerToken();
    }
}
