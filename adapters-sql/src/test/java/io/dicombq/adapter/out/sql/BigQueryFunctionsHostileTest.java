package io.dicombq.adapter.out.sql;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: casts of hostile strings stay cheap (one pass over the text; exponents decided before rescaling). */
class BigQueryFunctionsHostileTest {

    @Test
    void aMegabyteOfDigitsThatIsNotANumberIsRefusedAtOnce() {
        String digitsThenJunk = "1".repeat(1 << 20) + " x";
        assertThat(BigQueryFunctions.parseNumeric(digitsThenJunk, true)).isNull();
        assertThat(BigQueryFunctions.parseFloat64(digitsThenJunk, true)).isNull();
    }

    @Test
    void extremeExponentsAreDecidedWithoutComputingTheirPowersOfTen() {
        assertThat(BigQueryFunctions.parseNumeric("1e-999999999", false)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(BigQueryFunctions.parseNumeric("1e-999999999", false).scale()).isEqualTo(9);
        assertThat(BigQueryFunctions.parseNumeric("1e999999999", true)).isNull();
        assertThat(BigQueryFunctions.parseNumeric("12.5e-1", false)).isEqualByComparingTo(new BigDecimal("1.25"));
    }
}
