package io.dicombq.domain.schema;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RowFootprintTest {
    @Test
    void countsCharactersBytesAndAWordPerValueNestedOnesIncluded() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("Tag", "00091010");
        nested.put("Data", List.of("QUJD", "REVGR0g="));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("PatientName", "DOE^JOHN");
        values.put("StudyDate", LocalDate.of(2024, 1, 2));
        values.put("Pixels", new byte[100]);
        values.put("Meta", new JsonText("{\"a\":1}"));
        values.put("OtherElements", List.of(Row.of(nested)));

        long nestedRow = (8 + 8) + (8 + (8 + 4) + (8 + 8));
        assertThat(RowFootprint.of(Row.of(values)))
                .isEqualTo((8 + 8) + (8 + 8) + (8 + 100) + (8 + 7) + (8 + (8 + nestedRow)));
    }

    @Test
    void anEmptyRowHoldsNothing() {
        assertThat(RowFootprint.of(Row.of(Map.of()))).isZero();
    }

    @Test
    void aWideRowWeighsItsBase64Text() {
        String base64 = "A".repeat(40_000);
        Row row = Row.of(Map.of("OtherElements", List.of(Row.of(Map.of("Data", List.of(base64))))));

        assertThat(RowFootprint.of(row)).isBetween(40_000L, 40_100L);
    }
}
