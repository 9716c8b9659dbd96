package io.dicombq.domain.dicom.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTest {
    // PS3.5 6.2 grammars, as regular expressions: the scanner must accept exactly what they accept
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    @ParameterizedTest
    @CsvSource({"0", "7", "+7", "-7", "007", "1.5", "-1.5", "+.5", ".5", "5.", "5.e3", "1e3", "1E-3", "-0.0e+10",
            "''", "+", "-", ".", "1..2", "1e", "e3", "1.5x", " 1", "1 ", "0x10", "1e+", "--1", "1.2.3", "١"})
    void acceptsExactlyThePs35Grammar(String text) {
        assertThat(NumberText.isNumber(text, false)).as("IS %s", text).isEqualTo(INTEGER.matcher(text).matches());
        assertThat(NumberText.isNumber(text, true)).as("DS %s", text).isEqualTo(DECIMAL.matcher(text).matches());
    }

    @ParameterizedTest
    @CsvSource({"7,7", "+7,7", "-7,-7", "007,7", "000,0", "-0,-0", "1.5,1.5", "+.5,0.5", ".5,0.5", "-.5,-0.5",
            "5.,5.0", "5.e3,5.0e3", "00.5,0.5", "0005e3,5e3", "1E-3,1E-3", "-00.10,-0.10"})
    void rewritesToRfc8259Numbers(String literal, String json) {
        assertThat(NumberText.jsonNumber(literal)).isEqualTo(json);
    }
}
