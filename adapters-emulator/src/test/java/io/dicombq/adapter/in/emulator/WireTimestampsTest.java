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
            "1e-999999999                   | 1970-01-01T00:00:00Z",
            "-1e-999999999                  | 1969-12-31T23:59:59.999999Z",
    })
    void readsEveryFormBigQueryAccepts(String text, String expected) {
        assertThat(WireTimestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @org.junit.jupiter.api.Test
    void anEpochBeyondBigQuerysRangeIsRefusedWithoutComputingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WireTimestamps.parse("1e999999999"))
                .hasMessageContaining("out of BigQuery's range");
    }

    /** BigQuery's own cells, e.g. "1.4338368E9" in google-cloud-python's tests: Double.toString's notation, exact. */
    @ParameterizedTest
    @CsvSource({"2020-01-02T03:04:05.123456Z, 1.577934245123456E9", "2015-06-09T08:00:00Z, 1.4338368E9",
            "1969-12-31T23:59:59.5Z, -0.5", "1970-01-01T00:00:00Z, 0.0", "1970-01-01T00:00:01Z, 1.0",
            "1970-01-01T00:00:00.000001Z, 1.0E-6", "1970-01-04T20:53:20Z, 334400.0", "1970-04-26T17:46:40Z, 1.0E7", "1970-04-26T17:46:39.999999Z, 9999999.999999",
            "1900-01-01T00:00:00Z, -2.2089888E9", "9999-12-31T23:59:59.999999Z, 2.53402300799999999E11"})
    void timestampCellsAreEpochSecondsAsBigQueryWritesThem(String instant, String cell) {
        assertThat(WireValues.epochSeconds(Instant.parse(instant))).isEqualTo(cell);
        assertThat(WireTimestamps.parse(cell)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource({"07:30:00, 07:30:00", "06:00:00.5, 06:00:00.500000", "23:59:59.999999, 23:59:59.999999",
            "00:00:00.000001, 00:00:00.000001"})
    void timeCellsHaveNoFractionOrSixDigits(String time, String cell) {
        assertThat(WireValues.time(java.time.LocalTime.parse(time))).isEqualTo(cell);
    }

    @ParameterizedTest
    @CsvSource({"1.500000000, 1.5", "0E-9, 0", "100.000000000, 100", "-0.000000001, -0.000000001", "12345678901234567890123456789.123456789, 12345678901234567890123456789.123456789"})
    void numericCellsHaveNoTrailingZeros(String value, String cell) {
        assertThat(WireValues.numeric(new java.math.BigDecimal(value))).isEqualTo(cell);
    }
}
