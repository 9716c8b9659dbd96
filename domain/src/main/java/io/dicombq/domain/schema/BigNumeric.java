package io.dicombq.domain.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * BigQuery's BIGNUMERIC: a 256-bit two's-complement integer scaled by 10^38, so 76.76 digits of precision with 38
 * after the point (BigQuery docs: data types, decimal types). One place for its range and its rounding.
 */
public final class BigNumeric {
    /** Digits after the point. */
    public static final int SCALE = 38;
    /** The largest value, (2^255 - 1) / 10^38. */
    public static final BigDecimal MAX = new BigDecimal(BigInteger.TWO.pow(255).subtract(BigInteger.ONE), SCALE);
    /** The smallest value, -2^255 / 10^38. */
    public static final BigDecimal MIN = new BigDecimal(BigInteger.TWO.pow(255).negate(), SCALE);

    private BigNumeric() {
    }

    /**
     * The value rounded to 38 digits after the point, half away from zero (as BigQuery coerces a longer fraction),
     * or {@code null} when the rounded value is outside BIGNUMERIC's range.
     */
    public static BigDecimal rounded(BigDecimal value) {
        // decided by the exponent first: rescaling 1e-999999999 or 1e999999999 would build a huge power of ten
        int exponent = value.precision() - value.scale() - 1;
        if (exponent < -SCALE - 2) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        if (exponent > 39) {
            return null;
        }
        BigDecimal rounded = value.setScale(SCALE, RoundingMode.HALF_UP);
        return rounded.compareTo(MAX) > 0 || rounded.compareTo(MIN) < 0 ? null : rounded;
    }
}
