package io.dicombq.adapter.in.http.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The access file of {@code dicombq serve}: what it grants, and a precise error for each way to get it wrong. */
class AccessFileTest {
    private static final String TOKEN = "a-long-random-token";
    private static final String DATASET = "projects/p-project/locations/us/datasets/d";

    @TempDir
    Path temp;

    private Path file(String json) throws IOException {
        return Files.writeString(temp.resolve("access.json"), json);
    }

    private String principal(String role, String resource) {
        return "{\"name\": \"alice\", \"tokenSha256\": \"" + AccessControl.sha256Hex(TOKEN) + "\", \"bindings\": [{\"role\": \""
                + role + "\", \"resource\": \"" + resource + "\"}]}";
    }

    private String problem(String json) throws IOException {
        DicombqException error = catchThrowableOfType(DicombqException.class, () -> AccessFile.read(file(json)));
        assertThat(error.code()).isEqualTo(Code.INVALID_ARGUMENT);
        return error.getMessage();
    }

    @Test
    void aTokenFindsItsPrincipalWhoseBindingsCoverTheResourceAndBelow() throws IOException {
        AccessFile access = AccessFile.read(file("{\"principals\": [" + principal("roles/healthcare.dicomEditor", DATASET)
                + "], \"folderRoots\": [\"/srv/dicom\"]}"));
        Principal alice = access.accessControl().authenticate(Optional.of("Bearer " + TOKEN));

        assertThat(alice.name()).isEqualTo("alice");
        assertThat(access.folderRoots()).containsExactly(Path.of("/srv/dicom"));
        assertThat(alice.may(ApiPermission.DICOM_STORES_EXPORT, DATASET + "/dicomStores/s")).isTrue();
        assertThat(alice.may(ApiPermission.OPERATIONS_GET, DATASET + "/operations/1")).isTrue();
        assertThat(alice.may(ApiPermission.DICOM_STORES_CREATE, DATASET)).isFalse();
        assertThat(alice.may(ApiPermission.DICOM_STORES_EXPORT, DATASET + "x/dicomStores/s")).isFalse(); // not a child
    }

    @Test
    void anUnknownOrMissingTokenIsUnauthenticatedWithoutEchoingIt() throws IOException {
        AccessControl control = AccessFile.read(file("{\"principals\": [" + principal("roles/healthcare.dicomViewer", DATASET) + "]}"))
                .accessControl();
        DicombqException wrong = catchThrowableOfType(DicombqException.class,
                () -> control.authenticate(Optional.of("Bearer not-" + TOKEN)));
        assertThat(wrong.code()).isEqualTo(Code.UNAUTHENTICATED);
        assertThat(wrong.getMessage()).doesNotContain(TOKEN);
        assertThat(catchThrowableOfType(DicombqException.class, () -> control.authenticate(Optional.empty())).code())
                .isEqualTo(Code.UNAUTHENTICATED);
        assertThat(catchThrowableOfType(DicombqException.class, () -> control.authenticate(Optional.of("Basic YTpi"))).getMessage())
                .contains("Only bearer tokens");
    }

    @Test
    void eachMistakeInTheFileIsNamed() throws IOException {
        assertThat(problem("{\"principals\": [], \"roots\": []}")).contains("unknown field \"roots\"");
        assertThat(problem("{\"principals\": []}")).contains("no principals");
        assertThat(problem("{\"principals\": [{\"name\": \"a\", \"tokenSha256\": \"abc\", \"bindings\": []}]}"))
                .contains("principals[0].tokenSha256 is not 64 hex digits").contains("sha256sum");
        assertThat(problem("{\"principals\": [" + principal("roles/owner", DATASET) + "]}"))
                .contains("principals[0].bindings[0]").contains("roles/healthcare.dicomViewer");
        assertThat(problem("{\"principals\": [" + principal("roles/healthcare.dicomViewer", "datasets/d") + "]}"))
                .contains("is not a resource name");
        assertThat(problem("{\"principals\": [" + principal("roles/healthcare.dicomViewer", DATASET) + ", "
                + principal("roles/healthcare.dicomViewer", DATASET) + "]}")).contains("principals[1] has the same token");
        assertThat(problem("[1, 2")).contains("cannot be read as JSON");
    }
}
