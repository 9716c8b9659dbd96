package io.dicombq.adapter.in.emulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WireTimestampsTest {

    /** BigQuery's canonical timestamp forms and epoch seconds all name the same instants. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2020-01-02 03:04:05.123456 UTC | 2020-01-02T03:04:05.123456Z",
            "2020-01-02T03:04:05.123456Z    | 2020-01-02T03:04:05.123456Z",
            "2020-01-02 05:04:05+02:00      | 2020-01-02T03:04:05Z",
            "2020-01-02 01:34:05-0130       | 2020-01-02T03:04:05Z",
            "2020-1-2 3:4:5                 | 2020-01-02T03:04:05Z",
            "2020-01-02                     | 2020-01-02T00:00:00Z",
            "1577934245.123456              | 2020-01-02T03:04:05.123456Z",
            "-0.5                           | 1969-12-31T23:59:59.500Z",
            "1.5779342451234567E9           | 2020-01-02T03:04:05.123456Z",
    })
    void readsEveryFormBigQueryAccepts(String text, String expected) {
        assertThat(WireTimestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2020-01-02T03:04:05.123456Z, 1577934245.123456", "1969-12-31T23:59:59.5Z, -0.500000"})
    void cellsCarryEpochSecondsWithSixDigits(String instant, String cell) {
        assertThat(WireValues.epochSeconds(Instant.parse(instant))).isEqualTo(cell);
    }
}
