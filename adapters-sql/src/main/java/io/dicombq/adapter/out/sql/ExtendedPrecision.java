package io.dicombq.adapter.out.sql;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Arithmetic of x87's 80-bit floating point (a 64-bit significand, rounded to nearest, ties to even) on exact binary
 * fractions held as BigDecimals: where ZetaSQL's reference computes in C's {@code long double} (its PERCENTILE_CONT
 * weights and interpolation at 2024.11.1), the engine rounds where it rounds, so that the answer is the same to the
 * last bit once rounded to FLOAT64.
 */
final class ExtendedPrecision {
    static final int SIGNIFICAND_BITS = 64;
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    private ExtendedPrecision() {
    }

    /** {@code x} (a finite binary fraction, such as a double's exact value) rounded to a 64-bit significand. */
    static BigDecimal round(BigDecimal x) {
        if (x.signum() < 0) {
            return round(x.negate()).negate();
        }
        if (x.signum() == 0) {
            return x;
        }
        // x = numerator / 2^k exactly; a binary fraction's unscaled decimal digits are a multiple of 5^scale
        BigInteger numerator;
        int k;
        if (x.scale() <= 0) {
            numerator = x.unscaledValue().multiply(BigInteger.TEN.pow(-x.scale()));
            k = 0;
        } else {
            BigInteger[] quotient = x.unscaledValue().divideAndRemainder(FIVE.pow(x.scale()));
            if (quotient[1].signum() != 0) {
                throw new IllegalArgumentException("not a binary fraction: " + x);
            }
            numerator = quotient[0];
            k = x.scale();
        }
        int drop = numerator.bitLength() - SIGNIFICAND_BITS;
        if (drop <= 0) {
            return x;
        }
        BigInteger kept = numerator.shiftRight(drop);
        int side = numerator.subtract(kept.shiftLeft(drop)).compareTo(BigInteger.ONE.shiftLeft(drop - 1));
        if (side > 0 || side == 0 && kept.testBit(0)) {
            kept = kept.add(BigInteger.ONE);
        }
        int exponent = drop - k;
        return exponent >= 0 ? new BigDecimal(kept.shiftLeft(exponent))
                : new BigDecimal(kept.multiply(FIVE.pow(-exponent)), -exponent);
    }

    /** {@code a * b} in long double. */
    static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return round(a.multiply(b));
    }

    /** {@code a + b} in long double. */
    static BigDecimal add(BigDecimal a, BigDecimal b) {
        return round(a.add(b));
    }
}
