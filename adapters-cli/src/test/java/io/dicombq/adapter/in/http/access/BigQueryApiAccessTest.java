package io.dicombq.adapter.in.http.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigQueryApiAccessTest {
    private static final Principal ADMIN = new Principal("admin", List.of(new Binding(ApiRole.DICOM_STORE_ADMIN, "projects/p-one")));
    private static final Principal STORE_EDITOR = new Principal("editor", List.of(new Binding(ApiRole.DICOM_EDITOR,
            "projects/p-one/locations/l/datasets/d/dicomStores/s")));
    private static final Principal DATASET_ADMIN = new Principal("dataset-admin", List.of(new Binding(ApiRole.DICOM_STORE_ADMIN,
            "projects/p-one/locations/l/datasets/d")));

    @Test
    void anyRoleInTheProjectReadsItsWarehouse() {
        for (Principal principal : List.of(ADMIN, STORE_EDITOR, DATASET_ADMIN, Principal.LOCAL_USER)) {
            assertThatCode(() -> BigQueryApiAccess.authorize(principal, "GET", "/bigquery/v2/projects/p-one/datasets"))
                    .as(principal.name()).doesNotThrowAnyException();
            assertThatCode(() -> BigQueryApiAccess.authorize(principal, "POST", "/bigquery/v2/projects/p-one/queries"))
                    .as(principal.name()).doesNotThrowAnyException();
            assertThatCode(() -> BigQueryApiAccess.authorize(principal, "GET", "/bigquery/v2/projects/p-one/queries/job_1"))
                    .as(principal.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void noRoleInTheProjectReadsNothingOfIt() {
        assertThatThrownBy(() -> BigQueryApiAccess.authorize(ADMIN, "GET", "/bigquery/v2/projects/p-two/datasets/d/tables"))
                .isInstanceOfSatisfying(DicombqException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(Code.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("read the warehouse of projects/p-two", "admin", "a role in the project");
                });
        // 'p-one' must not grant 'p-one-other' by a shared prefix
        assertThat(BigQueryApiAccess.sees(ADMIN, "p-one-other")).isFalse();
        assertThat(BigQueryApiAccess.sees(STORE_EDITOR, "p-one")).isTrue();
        assertThat(BigQueryApiAccess.sees(Principal.LOCAL_USER, "anything")).isTrue();
    }

    @Test
    void onlyTheProjectsStoreAdminChangesItsWarehouse() {
        assertThatCode(() -> BigQueryApiAccess.authorize(ADMIN, "DELETE", "/bigquery/v2/projects/p-one/datasets/d/tables/t"))
                .doesNotThrowAnyException();
        assertThatCode(() -> BigQueryApiAccess.authorize(ADMIN, "POST", "/upload/bigquery/v2/projects/p-one/jobs"))
                .doesNotThrowAnyException();
        for (Principal principal : List.of(STORE_EDITOR, DATASET_ADMIN)) {
            for (String[] call : List.of(new String[]{"POST", "/bigquery/v2/projects/p-one/datasets"},
                    new String[]{"POST", "/bigquery/v2/projects/p-one/jobs"},
                    new String[]{"POST", "/bigquery/v2/projects/p-one/datasets/d/tables/t/insertAll"},
                    new String[]{"PATCH", "/bigquery/v2/projects/p-one/datasets/d/tables/t"},
                    new String[]{"POST", "/upload/bigquery/v2/projects/p-one/jobs"})) {
                assertThatThrownBy(() -> BigQueryApiAccess.authorize(principal, call[0], call[1]))
                        .as(principal.name() + " " + call[0] + " " + call[1])
                        .hasMessageContaining("change the warehouse of projects/p-one")
                        .hasMessageContaining("roles/healthcare.dicomStoreAdmin on the project");
            }
        }
    }

    @Test
    void theProjectListIsOpenToEveryCallerAndFilteredByTheHandler() {
        assertThat(BigQueryApiAccess.project("/bigquery/v2/projects")).isEmpty();
        assertThat(BigQueryApiAccess.project("/bigquery/v2/projects/p-one/datasets")).hasValue("p-one");
        assertThatCode(() -> BigQueryApiAccess.authorize(STORE_EDITOR, "GET", "/bigquery/v2/projects")).doesNotThrowAnyException();
    }
}
