package io.dicombq.domain.destination;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteDispositionTest {

    @ParameterizedTest
    @EnumSource(WriteDisposition.class)
    void restNamesRoundTrip(WriteDisposition disposition) {
        assertThat(WriteDisposition.fromRestName(disposition.name())).isEqualTo(disposition);
    }

    @ParameterizedTest
    @ValueSource(strings = {"write_empty", "Write_Empty", "WRITE-EMPTY", "APPEND", "", " WRITE_EMPTY"})
    void restNamesAreExact(String value) {
        assertThatThrownBy(() -> WriteDisposition.fromRestName(value))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessageContaining("writeDisposition: '" + value + "'")
                .hasMessageContaining("expected one of WRITE_EMPTY, WRITE_TRUNCATE, WRITE_APPEND");
    }

    @ParameterizedTest
    @CsvSource({
            "write-empty, WRITE_EMPTY", "WRITE-EMPTY, WRITE_EMPTY", "Write-Empty, WRITE_EMPTY", "write_empty, WRITE_EMPTY",
            "write-truncate, WRITE_TRUNCATE", "Write-Truncate, WRITE_TRUNCATE", "WRITE_TRUNCATE, WRITE_TRUNCATE",
            "write-append, WRITE_APPEND", "WRITE-APPEND, WRITE_APPEND", "wRiTe-ApPeNd, WRITE_APPEND"})
    void cliValuesInAnyCase(String value, WriteDisposition expected) {
        assertThat(WriteDisposition.fromCliValue(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"append", "write-", "write-everything", "write-disposition-unspecified", "", "writeempty"})
    void otherCliValuesAreRefusedListingTheChoices(String value) {
        assertThatThrownBy(() -> WriteDisposition.fromCliValue(value))
                .isInstanceOfSatisfying(DicombqException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID_ARGUMENT))
                .hasMessage("Invalid value for --write-disposition: '" + value
                        + "'; expected one of write-empty, write-truncate, write-append");
    }

    @Test
    void cliSpellingAndWhetherSet() {
        assertThat(WriteDisposition.WRITE_TRUNCATE.cliValue()).isEqualTo("write-truncate");
        assertThat(WriteDisposition.WRITE_DISPOSITION_UNSPECIFIED.isSet()).isFalse();
        assertThat(WriteDisposition.WRITE_EMPTY.isSet()).isTrue();
        assertThatThrownBy(() -> WriteDisposition.fromCliValue(null)).hasMessageContaining("--write-disposition: nothing");
    }
}
