package io.dicombq.domain.schema;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValueTextTest {

    @Test
    void writesNumbersInPlainDecimalAndTimesWithMicrosecondsOnlyWhenPresent() {
        assertThat(ValueText.decimal(1.0)).isEqualTo("1");
        assertThat(ValueText.decimal(-0.0)).isEqualTo("0");
        assertThat(ValueText.decimal(1e-7)).isEqualTo("0.0000001");
        assertThat(ValueText.decimal(1e21)).isEqualTo("1000000000000000000000");
        assertThat(ValueText.decimal(0.1f)).isEqualTo("0.10000000149011612");
        assertThat(ValueText.decimal(Double.NaN)).isEqualTo("NaN");
        assertThat(ValueText.of(LocalTime.of(7, 0))).isEqualTo("07:00:00");
        assertThat(ValueText.of(LocalTime.of(7, 0, 1, 120_000_000))).isEqualTo("07:00:01.120000");
        assertThat(ValueText.of(Instant.parse("2024-03-15T10:30:00Z"))).isEqualTo("2024-03-15T10:30:00Z");
        assertThat(ValueText.of(LocalDate.of(2024, 3, 5))).isEqualTo("2024-03-05");
    }

    @Test
    void rowJsonLeavesOutNullsAndEmptyArraysAndQuotesIntegers() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("a", null);
        values.put("b", List.of());
        values.put("c", 5L);
        values.put("d", 2.5);
        values.put("e", Row.of(Map.of("f", "x")));
        assertThat(RowJson.write(Row.of(values))).isEqualTo("{\"c\":\"5\",\"d\":2.5,\"e\":{\"f\":\"x\"}}");
    }
}
