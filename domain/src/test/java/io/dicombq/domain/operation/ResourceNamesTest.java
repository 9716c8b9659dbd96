package io.dicombq.domain.operation;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceNamesTest {

    @Test
    void parsesAStoreNameIntoItsIdsAndPrintsItBack() {
        DicomStoreName name = DicomStoreName.parse("projects/my-project/locations/us-central1/datasets/ds_1/dicomStores/ct.store-2");

        assertThat(name).isEqualTo(new DicomStoreName("my-project", "us-central1", "ds_1", "ct.store-2"));
        assertThat(name.toString()).isEqualTo("projects/my-project/locations/us-central1/datasets/ds_1/dicomStores/ct.store-2");
        assertThat(name.operation("123").toString())
                .isEqualTo("projects/my-project/locations/us-central1/datasets/ds_1/operations/123");
    }

    @Test
    void parsesAnOperationName() {
        OperationName name = OperationName.parse("projects/my-project/locations/eu/datasets/d/operations/9876543210");

        assertThat(name.id()).isEqualTo("9876543210");
        assertThat(name.datasetName()).isEqualTo("projects/my-project/locations/eu/datasets/d");
    }

    @Test
    void acceptsUnicodeLettersInStoreIdsAndUpTo256Characters() {
        assertThat(new DicomStoreName("my-project", "eu", "données", "ÉTUDES").store()).isEqualTo("ÉTUDES");
        assertThat(new DicomStoreName("my-project", "eu", "d", "s".repeat(256)).store()).hasSize(256);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|DICOM store name is empty",
            "projects/my-project/locations/eu/datasets/d|does not have the form projects/PROJECT/locations/LOCATION/datasets/DATASET/dicomStores/ID",
            "projects/my-project/locations/eu/datasets/d/fhirStores/s|does not have the form",
            "projects/my-project/locations/eu/datasets/d/dicomStores/s/extra|does not have the form",
            "projects/Bad_Project/locations/eu/datasets/d/dicomStores/s|project ID 'Bad_Project' is not valid",
            "projects/abc/locations/eu/datasets/d/dicomStores/s|project ID 'abc' is not valid",
            "projects/my-project/locations/EU/datasets/d/dicomStores/s|location 'EU' is not valid",
            "projects/my-project/locations/eu/datasets//dicomStores/s|dataset ID is empty",
            "projects/my-project/locations/eu/datasets/d/dicomStores/a b|DICOM store ID 'a b' contains ' ' at position 2",
            "projects/my-project/locations/eu/datasets/d/dicomStores/a:b|contains ':' at position 2",
    })
    void rejectsMalformedStoreNamesNamingThePart(String text, String message) {
        assertThatThrownBy(() -> DicomStoreName.parse(text))
                .isInstanceOf(DicombqException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((DicombqException) e).code()).isEqualTo(Code.INVALID_ARGUMENT));
    }

    @Test
    void rejectsIdsLongerThan256Characters() {
        assertThatThrownBy(() -> new DicomStoreName("my-project", "eu", "d", "s".repeat(257)))
                .hasMessageContaining("has 257 characters; at most 256 are allowed");
    }

    @Test
    void rejectsAStoreNameWhereAnOperationNameIsExpected() {
        assertThatThrownBy(() -> OperationName.parse("projects/my-project/locations/eu/datasets/d/dicomStores/s"))
                .hasMessageContaining("operation name 'projects/my-project/locations/eu/datasets/d/dicomStores/s' does not have the form")
                .hasMessageContaining("/operations/ID");
    }
}
