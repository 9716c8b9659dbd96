package io.dicombq.adapter.out.dicom.part10;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static io.dicombq.adapter.out.dicom.part10.Part10ReaderTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** The defined terms of PS3.3 C.12.1.1.2 the corpus does not cover, one character each. */
class SpecificCharacterSetTest {

    static Stream<Arguments> terms() {
        return Stream.of(
                Arguments.of("ISO_IR 166", bytes(0xA1), "ก"),
                Arguments.of("ISO_IR 203", bytes(0xA4), "€"),
                Arguments.of("ISO_IR 126", bytes(0xC4), "Δ"),
                Arguments.of("ISO_IR 101", bytes(0xB1), "ą"),
                Arguments.of("ISO_IR 13", bytes(0xB1, "A"), "ｱA"),
                Arguments.of("GB18030", bytes(0xD6, 0xD0), "中"),
                Arguments.of("ISO_IR 192", bytes(0xE4, 0xB8, 0xAD), "中"),
                Arguments.of("\\ISO 2022 IR 58", bytes(0x1B, '$', ')', 'A', 0xD6, 0xD0), "中"),
                Arguments.of("\\ISO 2022 IR 159", bytes(0x1B, '$', '(', 'D', 0x30, 0x21, 0x1B, '(', 'B'), "丂"),
                Arguments.of("ISO 2022 IR 100", bytes("caf", 0xE9), "café"),
                Arguments.of("\\ISO 2022 IR 126", bytes(0x1B, '-', 'F', 0xC4, 0x1B, '-', 'A', 0xE9), "Δé"),
                Arguments.of("ISO 2022 IR 13\\ISO 2022 IR 87", bytes(0xB1, 0x1B, '$', 'B', 0x3B, 0x33, 0x1B, '(', 'J'), "ｱ山"),
                Arguments.of("NOT A CHARSET", bytes("ok", 0xE9), "oké"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terms")
    void decodes(String terms, byte[] encoded, String expected) {
        SpecificCharacterSet charset = SpecificCharacterSet.of(List.of(terms.split("\\\\", -1)));
        assertThat(charset.decode(encoded, 0, encoded.length, true, false)).containsExactly(expected);
    }

    @Test
    void iso2022ReturnsToTheInitialStateAtEachValueAndNameGroup() {
        SpecificCharacterSet charset = SpecificCharacterSet.of(List.of("", "ISO 2022 IR 149"));
        // KS X 1001 stays designated to G1 until a delimiter; after '\' the initial state (no G1) is back
        byte[] encoded = bytes(0x1B, '$', ')', 'C', 0xC7, 0xD1, "\\", 0xC7, 0xD1);
        assertThat(charset.decode(encoded, 0, encoded.length, true, false)).containsExactly("한", "ÇÑ");
        byte[] name = bytes(0x1B, '$', ')', 'C', 0xC7, 0xD1, "=", 0xC7, 0xD1);
        assertThat(charset.decode(name, 0, name.length, true, true)).containsExactly("한=ÇÑ");
    }
}
