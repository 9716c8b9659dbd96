package io.dicombq.application.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected texts are ZetaSQL's compliance results for CAST(... AS STRING) (civil_time.test, timestamp.test). */
class BigQueryTextTest {

    @Test
    void timesWriteTheirFractionInGroupsOfThreeDigits() {
        assertThat(BigQueryText.of(LocalTime.of(1, 2, 3))).isEqualTo("01:02:03");
        assertThat(BigQueryText.of(LocalTime.parse("01:02:03.12"))).isEqualTo("01:02:03.120");
        assertThat(BigQueryText.of(LocalTime.parse("01:02:03.12345"))).isEqualTo("01:02:03.123450");
        assertThat(BigQueryText.of(LocalTime.parse("23:59:59.999999"))).isEqualTo("23:59:59.999999");
    }

    @Test
    void timestampsAreUtcWithTheOffsetSuffix() {
        assertThat(BigQueryText.of(Instant.parse("2006-01-02T09:02:03.12Z"))).isEqualTo("2006-01-02 09:02:03.120+00");
        assertThat(BigQueryText.of(Instant.parse("2006-01-02T09:02:03Z"))).isEqualTo("2006-01-02 09:02:03+00");
    }

    @Test
    void datesAreIso() {
        assertThat(BigQueryText.of(LocalDate.of(2021, 3, 4))).isEqualTo("2021-03-04");
    }
}
