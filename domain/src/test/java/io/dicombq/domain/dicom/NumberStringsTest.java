package io.dicombq.domain.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NumberStringsTest {
    // the grammars of PS3.5 6.2, as regular expressions: the oracle for short values only (they backtrack)
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    @ParameterizedTest
    @ValueSource(strings = {"0", "+1", "-1", "1.", ".5", "-.5", "+1.5e3", "1E-7", "1.e5", "007", "12345678901234567890"})
    void decimals(String text) {
        assertThat(NumberStrings.isDecimal(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", ".", "+.", "e5", ".e5", "1e", "1e+", "1.5.2", "1 ", " 1", "NaN", "Infinity",
            "0x1F", "1d", "1f", "--1", "1e5.0", "١"})
    void notDecimals(String text) {
        assertThat(NumberStrings.isDecimal(text)).isFalse();
    }

    @Test
    void agreesWithTheGrammarOnEveryShortStringOfItsAlphabet() {
        char[] alphabet = {'1', '+', '-', '.', 'e', ' '};
        for (int length = 0; length <= 6; length++) {
            int count = (int) Math.pow(alphabet.length, length);
            for (int n = 0; n < count; n++) {
                StringBuilder text = new StringBuilder();
                for (int k = 0, rest = n; k < length; k++, rest /= alphabet.length) {
                    text.append(alphabet[rest % alphabet.length]);
                }
                String value = text.toString();
                assertThat(NumberStrings.isDecimal(value)).as(value).isEqualTo(DECIMAL.matcher(value).matches());
                assertThat(NumberStrings.isInteger(value)).as(value).isEqualTo(INTEGER.matcher(value).matches());
            }
        }
    }

    /** Issue 17: the check of a value of n characters reads at most a few characters per character, whatever they are. */
    @Test
    void readsEachCharacterAConstantNumberOfTimes() {
        int n = 1 << 20;
        for (String shape : new String[] {"1", "9.", "+-. 1e", "1234567890"}) {
            String digitsThenJunk = shape.repeat(n / shape.length()) + " ";
            CountingText counted = new CountingText(digitsThenJunk);
            NumberStrings.isDecimal(counted);
            NumberStrings.isInteger(counted);
            assertThat(counted.reads).as(shape).isLessThanOrEqualTo(8L * digitsThenJunk.length());
        }
    }

    /** A CharSequence that counts its reads: the number of steps, not the time, tells linear from quadratic. */
    private static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
