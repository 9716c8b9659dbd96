package io.dicombq.domain.flatten;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DicomDateTimeTest {

    @ParameterizedTest
    @CsvSource({"20240229,2024-02-29", "1993.08.22,1993-08-22", "00010101,0001-01-01", "99991231,9999-12-31"})
    void readsDatesInTheStandardAndTheAcrNemaForm(String text, String expected) {
        assertThat(DicomDateTime.date(text)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20230229", "2024-02-29", "202402", "20241301", "00000101", "2024022", "2024.0229", "abcdefgh", ""})
    void refusesDatesThatAreNotValid(String text) {
        assertThat(DicomDateTime.date(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"07,07:00", "0715,07:15", "071530,07:15:30", "071530.1,07:15:30.1", "235959.999999,23:59:59.999999",
            "07:15,07:15", "07:15:30.25,07:15:30.25"})
    void readsPartialTimesWithMissingPartsZero(String text, String expected) {
        assertThat(DicomDateTime.time(text)).isEqualTo(LocalTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24", "0760", "071560", "071530.", "071530.1234567", "0715.5", "7", "07a5", ""})
    void refusesTimesThatAreNotValid(String text) {
        assertThat(DicomDateTime.time(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "2024,,2024-01-01T00:00:00Z",
            "202403,,2024-03-01T00:00:00Z",
            "20240315103000,,2024-03-15T10:30:00Z",
            "20240315103000.5,,2024-03-15T10:30:00.500Z",
            "20240315103000+0200,,2024-03-15T08:30:00Z",
            "20240315103000-0530,,2024-03-15T16:00:00Z",
            "20240315103000,+0100,2024-03-15T09:30:00Z",
            "20240315103000-0100,+0100,2024-03-15T11:30:00Z",
            "2024031510+1400,,2024-03-14T20:00:00Z"})
    void convertsDateTimesToUtcWithTheirOwnOffsetElseTheDefault(String text, String defaultOffset, String expected) {
        ZoneOffset offset = defaultOffset == null ? null : DicomDateTime.offset(defaultOffset);
        assertThat(DicomDateTime.timestamp(text, offset)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240315103000+1500", "20240315103000+02", "202403151030.5", "20241315", "2024031", "abc", "20240315103000+0260"})
    void refusesDateTimesThatAreNotValid(String text) {
        assertThat(DicomDateTime.timestamp(text, ZoneOffset.UTC)).isNull();
    }

    @Test
    void refusesAnOffsetOutsideMinusTwelveToPlusFourteenHours() {
        assertThat(DicomDateTime.offset("-1200")).isEqualTo(ZoneOffset.ofHours(-12));
        assertThat(DicomDateTime.offset("+1400")).isEqualTo(ZoneOffset.ofHours(14));
        assertThat(DicomDateTime.offset("-1201")).isNull();
        assertThat(DicomDateTime.offset("0100")).isNull();
    }
}
