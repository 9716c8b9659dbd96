package io.dicombq.adapter.out.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * BIT_COUNT, the shift operators and RANGE_BUCKET (BigQuery docs: mathematical functions, operators; ZetaSQL's
 * bitwise.h), installed as H2 functions.
 */
public final class IntegerRuntime {
    static final String[][] NAMES = {
        {"bit_count_int64", "bitCount"}, {"bit_count_bytes", "bitCountBytes"}, {"shift_int64", "shift"},
        {"range_bucket_int64", "rangeBucketInt64"}, {"range_bucket_float", "rangeBucketFloat"},
        {"range_bucket_numeric", "rangeBucketNumeric"}, {"range_bucket_string", "rangeBucketString"},
        {"range_bucket_date", "rangeBucketDate"},
    };
    /** FLOAT64 order with -0.0 equal to 0.0 (NaN is rejected before it is compared). */
    private static final Comparator<Double> FLOAT64 = (a, b) -> a == b.doubleValue() ? 0 : Double.compare(a, b);

    private IntegerRuntime() {
    }

    public static Long bitCount(Long x) {
        return x == null ? null : (long) Long.bitCount(x);
    }

    public static Long bitCountBytes(byte[] x) {
        if (x == null) {
            return null;
        }
        long count = 0;
        for (byte b : x) {
            count += Integer.bitCount(b & 0xFF);
        }
        return count;
    }

    /** {@code <<} and {@code >>} on INT64: no sign extension, 0 past 63 places, a negative offset is an error. */
    public static Long shift(Long x, Long places, Boolean left) {
        if (x == null || places == null) {
            return null;
        }
        if (places < 0) {
            throw new InvalidValueException("Bitwise shift by negative offset.");
        }
        if (places >= Long.SIZE) {
            return 0L;
        }
        return left ? x << places : x >>> places;
    }

    public static Long rangeBucketInt64(Long point, Long[] boundaries, Boolean safe) {
        return rangeBucket(point, boundaries, Comparator.<Long>naturalOrder(), x -> false, safe);
    }

    /** A NaN point gives NULL; a NaN boundary is an error. */
    public static Long rangeBucketFloat(Double point, Double[] boundaries, Boolean safe) {
        return point != null && Double.isNaN(point) ? null : rangeBucket(point, boundaries, FLOAT64, x -> Double.isNaN(x), safe);
    }

    public static Long rangeBucketNumeric(BigDecimal point, BigDecimal[] boundaries, Boolean safe) {
        return rangeBucket(point, boundaries, Comparator.<BigDecimal>naturalOrder(), x -> false, safe);
    }

    public static Long rangeBucketString(String point, String[] boundaries, Boolean safe) {
        return rangeBucket(point, boundaries, (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()),
                x -> false, safe);
    }

    public static Long rangeBucketDate(LocalDate point, LocalDate[] boundaries, Boolean safe) {
        return rangeBucket(point, boundaries, Comparator.<LocalDate>naturalOrder(), x -> false, safe);
    }

    /**
     * The number of boundaries at or below {@code point}; NULL when the point or the array is NULL. Each boundary in
     * turn must be non-NULL, not NaN, and not above the next one, where NULL and then NaN come first (ZetaSQL's
     * checks and messages); under {@code SAFE.} a bad array gives NULL.
     */
    private static <T> Long rangeBucket(T point, T[] boundaries, Comparator<T> order, Predicate<T> nan, Boolean safe) {
        if (point == null || boundaries == null) {
            return null;
        }
        for (int i = 0; i < boundaries.length; i++) {
            String problem = boundaries[i] == null ? "cannot be null. Null element found at position " + (i + 1)
                    : nan.test(boundaries[i]) ? "cannot be NaN. NaN element found at position " + (i + 1)
                    : i + 1 < boundaries.length && below(boundaries[i + 1], boundaries[i], order, nan)
                    ? "must be in ascending order. Nonconforming elements found at position " + (i + 1) + " and " + (i + 2)
                    : null;
            if (problem != null) {
                if (Boolean.TRUE.equals(safe)) {
                    return null;
                }
                throw new InvalidValueException("Elements in input array to RANGE_BUCKET " + problem);
            }
        }
        long below = 0;
        while (below < boundaries.length && order.compare(boundaries[(int) below], point) <= 0) {
            below++;
        }
        return below;
    }

    /** {@code a < b} in the order of values, where NULL and then NaN come before everything. */
    private static <T> boolean below(T a, T b, Comparator<T> order, Predicate<T> nan) {
        if (a == null || b == null) {
            return a == null && b != null;
        }
        if (nan.test(a) || nan.test(b)) {
            return nan.test(a) && !nan.test(b);
        }
        return order.compare(a, b) < 0;
    }
}
