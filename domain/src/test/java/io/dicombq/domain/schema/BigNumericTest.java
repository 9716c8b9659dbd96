package io.dicombq.domain.schema;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class BigNumericTest {
    @Test
    void theRangeIsATwoHundredFiftySixBitIntegerScaledByTenToTheThirtyEight() {
        assertThat(BigNumeric.MAX.toPlainString())
                .isEqualTo("578960446186580977117854925043439539266.34992332820282019728792003956564819967");
        assertThat(BigNumeric.MIN.toPlainString())
                .isEqualTo("-578960446186580977117854925043439539266.34992332820282019728792003956564819968");
    }

    @Test
    void roundsHalfAwayFromZeroToThirtyEightDigits() {
        assertThat(BigNumeric.rounded(new BigDecimal("1.5e-38"))).isEqualByComparingTo("2e-38");
        assertThat(BigNumeric.rounded(new BigDecimal("-2.5e-38"))).isEqualByComparingTo("-3e-38");
        assertThat(BigNumeric.rounded(new BigDecimal("1.49e-38"))).isEqualByComparingTo("1e-38");
        assertThat(BigNumeric.rounded(new BigDecimal("1e-999999999"))).isEqualByComparingTo("0");
        assertThat(BigNumeric.rounded(new BigDecimal("7")).scale()).isEqualTo(38);
    }

    @Test
    void outsideTheRangeIsNull() {
        assertThat(BigNumeric.rounded(BigNumeric.MAX)).isEqualTo(BigNumeric.MAX);
        assertThat(BigNumeric.rounded(BigNumeric.MIN)).isEqualTo(BigNumeric.MIN);
        assertThat(BigNumeric.rounded(BigNumeric.MAX.add(new BigDecimal("1e-38")))).isNull();
        assertThat(BigNumeric.rounded(BigNumeric.MIN.subtract(new BigDecimal("1e-38")))).isNull();
        // the rounding that carries past the maximum
        assertThat(BigNumeric.rounded(BigNumeric.MAX.add(new BigDecimal("0.5e-38")))).isNull();
        assertThat(BigNumeric.rounded(new BigDecimal("1e999999999"))).isNull();
    }
}
