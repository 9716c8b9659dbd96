package io.dicombq.adapter.out.sql;

import org.h2.value.TypeInfo;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of {@link StatisticalAggregates} H2 has no exact counterpart for, installed as H2 functions over the
 * values an aggregate gathered into an array.
 */
public final class AggregateRuntime {
    static final String[][] NAMES = {
        {"exact_approx_count", "exactApproxCount"}, {"concat_arrays", "concatArrays"}, {"interpolated_percentile", "percentileCont"},
        {"interpolated_percentile_numeric", "percentileContNumeric"},
        {"discrete_percentile_float", "percentileDiscFloat"}, {"discrete_percentile_int64", "percentileDiscInt64"},
        {"discrete_percentile_numeric", "percentileDiscNumeric"}, {"discrete_percentile_string", "percentileDiscString"}, {"variance_float", "varianceFloat"},
        {"variance_numeric", "varianceNumeric"}, {"covariance_float", "covarianceFloat"},
        {"covariance_numeric", "covarianceNumeric"},
    };
    /** Far more digits than a double holds, so the one rounding to FLOAT64 is the last. */
    private static final MathContext EXACT_ENOUGH = new MathContext(60);
    /** BigQuery's order of FLOAT64 values: NaN before every number (BigQuery docs: data types, floating point). */
    private static final Comparator<Double> FLOAT64_ORDER = (a, b) -> Double.isNaN(a) ? (Double.isNaN(b) ? 0 : -1)
            : Double.isNaN(b) ? 1 : Double.compare(a == 0.0 ? 0.0 : a, b == 0.0 ? 0.0 : b);

    private AggregateRuntime() {
    }

    /** APPROX_COUNT_DISTINCT: the exact count, which is BigQuery's answer only while it is small. */
    public static Long exactApproxCount(Long count, Long limit) {
        if (count != null && count > limit) {
            throw InvalidValueException.unknownAnswer("APPROX_COUNT_DISTINCT over more than " + limit
                    + " distinct values (whose HyperLogLog++ estimate may differ from the exact count " + count + ")");
        }
        return count;
    }

    /**
     * VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP ({@code kind} pop, samp, stddev_pop, stddev_samp) over FLOAT64
     * values, computed exactly and rounded once: NULL without values (or with one, for the sample forms), NaN when a
     * value is NaN or infinite, +inf when the exact result is past FLOAT64's range.
     */
    public static Double varianceFloat(Double[] values, String kind) {
        return variance(exact(values), values == null ? 0 : values.length, kind);
    }

    public static Double varianceNumeric(BigDecimal[] values, String kind) {
        return variance(values == null ? null : Arrays.asList(values), values == null ? 0 : values.length, kind);
    }

    private static Double variance(List<BigDecimal> values, int count, String kind) {
        boolean sample = kind.endsWith("samp");
        if (count == 0 || (sample && count == 1)) {
            return null;
        }
        if (values == null) {
            return Double.NaN;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            sum = sum.add(value);
            squares = squares.add(value.multiply(value));
        }
        // (n Σx² − (Σx)²) / (n·n) or / (n·(n − 1)), exact until the division
        BigDecimal spread = n.multiply(squares).subtract(sum.multiply(sum));
        BigDecimal variance = spread.divide(n.multiply(sample ? n.subtract(BigDecimal.ONE) : n), EXACT_ENOUGH);
        return (kind.startsWith("stddev") ? variance.sqrt(EXACT_ENOUGH) : variance).doubleValue();
    }

    /**
     * COVAR_POP, COVAR_SAMP and CORR ({@code kind} pop, samp, corr) over the pairs where neither value is NULL (the
     * caller's filter keeps the two arrays aligned): exact, rounded once; CORR of a constant series is NaN.
     */
    public static Double covarianceFloat(Double[] xs, Double[] ys, String kind) {
        List<BigDecimal> x = exact(xs);
        List<BigDecimal> y = exact(ys);
        return covariance(x == null || y == null ? null : x, x == null || y == null ? null : y, xs == null ? 0 : xs.length, kind);
    }

    public static Double covarianceNumeric(BigDecimal[] xs, BigDecimal[] ys, String kind) {
        return covariance(xs == null ? null : Arrays.asList(xs), ys == null ? null : Arrays.asList(ys),
                xs == null ? 0 : xs.length, kind);
    }

    private static Double covariance(List<BigDecimal> xs, List<BigDecimal> ys, int count, String kind) {
        if (count == 0 || (!kind.equals("pop") && count == 1)) {
            return null;
        }
        if (xs == null || ys == null) {
            return Double.NaN;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal sx = BigDecimal.ZERO;
        BigDecimal sy = BigDecimal.ZERO;
        BigDecimal sxy = BigDecimal.ZERO;
        BigDecimal sxx = BigDecimal.ZERO;
        BigDecimal syy = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            BigDecimal x = xs.get(i);
            BigDecimal y = ys.get(i);
            sx = sx.add(x);
            sy = sy.add(y);
            sxy = sxy.add(x.multiply(y));
            sxx = sxx.add(x.multiply(x));
            syy = syy.add(y.multiply(y));
        }
        BigDecimal co = n.multiply(sxy).subtract(sx.multiply(sy));
        if (kind.equals("corr")) {
            BigDecimal spreads = n.multiply(sxx).subtract(sx.multiply(sx)).multiply(n.multiply(syy).subtract(sy.multiply(sy)));
            if (spreads.signum() == 0) {
                return Double.NaN;
            }
            return co.divide(spreads.sqrt(EXACT_ENOUGH), EXACT_ENOUGH).doubleValue();
        }
        return co.divide(n.multiply(kind.equals("pop") ? n : n.subtract(BigDecimal.ONE)), EXACT_ENOUGH).doubleValue();
    }

    /** The values as exact decimals; {@code null} when one is NaN or infinite (then every statistic is NaN). */
    private static List<BigDecimal> exact(Double[] values) {
        if (values == null) {
            return List.of();
        }
        List<BigDecimal> out = new ArrayList<>(values.length);
        for (Double value : values) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return null;
            }
            out.add(new BigDecimal(value));
        }
        return out;
    }

    /**
     * ARRAY_CONCAT_AGG: the non-NULL arrays, one after the other; NULL when there are none. H2 values, since H2 does
     * not hand an array of arrays to Java as objects.
     */
    public static Value concatArrays(Value arrays) {
        if (!(arrays instanceof ValueArray) || ((ValueArray) arrays).getList().length == 0) {
            return ValueNull.INSTANCE;
        }
        List<Value> out = new ArrayList<>();
        TypeInfo element = TypeInfo.TYPE_NULL;
        for (Value array : ((ValueArray) arrays).getList()) {
            if (array instanceof ValueArray) {
                out.addAll(Arrays.asList(((ValueArray) array).getList()));
                element = ((ValueArray) array).getComponentType();
            }
        }
        return ValueArray.get(element, out.toArray(new Value[0]), null);
    }

    /**
     * PERCENTILE_CONT over FLOAT64: the values (NULLs first when respected, then NaN, then numbers) at the exact
     * position {@code fraction * (n - 1)}, interpolated as {@code low * wLow + high * wHigh}; a position between the
     * last NULL and the first value gives that value, one among the NULLs gives NULL. ZetaSQL's percentile.h (2024.11.1)
     * takes the smaller weight from the position's exact distance to its side and the larger as 1 minus it, and weighs
     * in long double; so does this ({@link ExtendedPrecision}): {@code PERCENTILE_CONT(x, 0.1)} over 1…10 is
     * 1.9000000000000001, as there.
     */
    public static Double percentileCont(Double[] values, Double fraction, Boolean respectNulls) {
        Sorted<Double> sorted = sorted(values, fraction, respectNulls, FLOAT64_ORDER);
        if (sorted == null) {
            return null;
        }
        BigDecimal position = new BigDecimal(fraction).multiply(BigDecimal.valueOf(sorted.values.size() + sorted.nulls - 1L));
        int index = position.intValue();
        BigDecimal beyond = position.subtract(BigDecimal.valueOf(index));
        BigDecimal lowWeight;
        BigDecimal highWeight;
        if (beyond.compareTo(HALF) > 0) {
            lowWeight = ExtendedPrecision.round(BigDecimal.ONE.subtract(beyond));
            highWeight = ExtendedPrecision.round(BigDecimal.ONE.subtract(lowWeight));
        } else {
            highWeight = ExtendedPrecision.round(beyond);
            lowWeight = ExtendedPrecision.round(BigDecimal.ONE.subtract(highWeight));
        }
        if (index < sorted.nulls - 1 || (index == sorted.nulls - 1 && highWeight.signum() == 0)) {
            return null;
        }
        if (index == sorted.nulls - 1) {
            return sorted.values.get(0);
        }
        double low = sorted.values.get(index - sorted.nulls);
        if (highWeight.signum() == 0) {
            return low;
        }
        double high = sorted.values.get(index - sorted.nulls + 1);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return low * lowWeight.doubleValue() + high * highWeight.doubleValue();
        }
        return ExtendedPrecision.add(ExtendedPrecision.multiply(new BigDecimal(low), lowWeight),
                ExtendedPrecision.multiply(new BigDecimal(high), highWeight)).doubleValue();
    }

    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** PERCENTILE_CONT over NUMERIC: the same positions, interpolated exactly and rounded half away from zero. */
    public static BigDecimal percentileContNumeric(BigDecimal[] values, BigDecimal fraction, Boolean respectNulls) {
        Sorted<BigDecimal> sorted = sorted(values, fraction == null ? null : fraction.doubleValue(), respectNulls,
                Comparator.<BigDecimal>naturalOrder());
        if (sorted == null) {
            return null;
        }
        BigDecimal position = fraction.setScale(9, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(sorted.values.size() + sorted.nulls - 1L));
        int index = position.intValue();
        BigDecimal weight = position.subtract(BigDecimal.valueOf(index));
        if (index < sorted.nulls - 1 || (index == sorted.nulls - 1 && weight.signum() == 0)) {
            return null;
        }
        if (index == sorted.nulls - 1) {
            return sorted.values.get(0);
        }
        BigDecimal low = sorted.values.get(index - sorted.nulls);
        if (weight.signum() == 0) {
            return low;
        }
        BigDecimal high = sorted.values.get(index - sorted.nulls + 1);
        return low.multiply(BigDecimal.ONE.subtract(weight)).add(high.multiply(weight)).setScale(9, RoundingMode.HALF_UP);
    }

    public static Double percentileDiscFloat(Double[] values, Double fraction, Boolean respectNulls) {
        return discrete(sorted(values, fraction, respectNulls, FLOAT64_ORDER), fraction);
    }

    public static Long percentileDiscInt64(Long[] values, Double fraction, Boolean respectNulls) {
        return discrete(sorted(values, fraction, respectNulls, Comparator.<Long>naturalOrder()), fraction);
    }

    public static BigDecimal percentileDiscNumeric(BigDecimal[] values, Double fraction, Boolean respectNulls) {
        return discrete(sorted(values, fraction, respectNulls, Comparator.<BigDecimal>naturalOrder()), fraction);
    }

    /** Strings in BigQuery's order, by code point (UTF-16 order differs past U+FFFF). */
    public static String percentileDiscString(String[] values, Double fraction, Boolean respectNulls) {
        return discrete(sorted(values, fraction, respectNulls, AggregateRuntime::compareCodePoints), fraction);
    }

    static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /**
     * PERCENTILE_DISC: the first value (NULLs first when respected) whose cumulative distribution reaches
     * {@code fraction}, at position ceil(fraction * n) - 1, computed exactly.
     */
    private static <T> T discrete(Sorted<T> sorted, Double fraction) {
        if (sorted == null) {
            return null;
        }
        BigDecimal position = new BigDecimal(fraction).multiply(BigDecimal.valueOf(sorted.values.size() + sorted.nulls));
        int index = Math.max(0, position.setScale(0, RoundingMode.CEILING).intValue() - 1);
        return index < sorted.nulls ? null : sorted.values.get(index - sorted.nulls);
    }

    /** The non-NULL values in order, and how many NULLs count before them. */
    private record Sorted<T>(List<T> values, int nulls) {
    }

    /** The values that count, sorted, and the NULLs that count; {@code null} when no non-NULL value is there. */
    private static <T> Sorted<T> sorted(T[] values, Double fraction, Boolean respectNulls, Comparator<T> order) {
        if (fraction == null || Double.isNaN(fraction) || fraction < 0 || fraction > 1) {
            throw new InvalidValueException("Percentile argument must be in [0, 1]; got " + fraction);
        }
        if (values == null) {
            return null;
        }
        List<T> kept = new ArrayList<>();
        int nulls = 0;
        for (T value : values) {
            if (value != null) {
                kept.add(value);
            } else if (Boolean.TRUE.equals(respectNulls)) {
                nulls++;
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        kept.sort(order);
        return new Sorted<>(kept, nulls);
    }
}
