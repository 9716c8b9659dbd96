package io.dicombq.adapter.out.sql;

import org.h2.value.CompareMode;
import org.h2.value.TypeInfo;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueBigint;
import org.h2.value.ValueDouble;
import org.h2.value.ValueNull;
import org.h2.value.ValueNumeric;
import org.h2.value.ValueRow;
import org.h2.value.ValueVarchar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * APPROX_QUANTILES, APPROX_TOP_COUNT and APPROX_TOP_SUM over the values an aggregate gathered, answered exactly: the
 * answer BigQuery documents for its examples (BigQuery docs: approximate aggregate functions). BigQuery's sketches
 * are not documented, so past {@link #EXACT_VALUES} values, or where ties leave BigQuery's order open, the engine
 * refuses by name rather than guess.
 */
public final class ApproximateRuntime {
    static final String[][] NAMES = {
        {"approx_quantiles", "quantiles"}, {"approx_top_count", "topCount"}, {"approx_top_sum", "topSum"},
    };
    /** The most values (or distinct values, for the top functions) the engine answers; BigQuery's examples hold 12. */
    static final int EXACT_VALUES = 32;
    /** The most quantiles the engine computes. */
    static final long MOST_QUANTILES = 1_000_000;
    private static final CompareMode BINARY = CompareMode.getInstance(null, 0);
    /** BigQuery's order of values: strings by code point (UTF-16 order differs past U+FFFF), others as H2 orders them. */
    private static final Comparator<Value> ORDER = (a, b) -> a instanceof ValueVarchar && b instanceof ValueVarchar
            ? Arrays.compare(a.getString().codePoints().toArray(), b.getString().codePoints().toArray())
            : a.compareTo(b, null, BINARY);

    private ApproximateRuntime() {
    }

    /**
     * APPROX_QUANTILES(x, number): {@code number + 1} boundaries, the i-th the value of rank ceil(i * n / number)
     * among the n sorted values (NULLs first when respected), which is what BigQuery's examples show; NULL without a
     * value to count.
     */
    public static Value quantiles(Value gathered, Long number) {
        if (number == null || number <= 0) {
            throw new InvalidValueException("APPROX_QUANTILES requires a positive number of quantiles; got " + number);
        }
        List<Value> values = values(gathered);
        if (values.size() > EXACT_VALUES) {
            throw InvalidValueException.unknownAnswer("APPROX_QUANTILES over more than " + EXACT_VALUES
                    + " values (whose sketch BigQuery does not document)");
        }
        if (values.isEmpty()) {
            // No value, or (NULLs ignored) NULLs only; with RESPECT NULLS, NULLs only give boundaries that are NULL
            // (ZetaSQL's compliance tests: approx_quantiles_with_respect_nulls).
            return ValueNull.INSTANCE;
        }
        for (Value value : values) {
            if (value instanceof ValueDouble && Double.isNaN(value.getDouble())) {
                throw InvalidValueException.unknownAnswer("APPROX_QUANTILES over NaN");
            }
        }
        List<Value> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing((Value v) -> v != ValueNull.INSTANCE).thenComparing((a, b) ->
                a == ValueNull.INSTANCE ? 0 : ORDER.compare(a, b)));
        long n = sorted.size();
        if (number > MOST_QUANTILES) {
            // An array this long is not built in memory; what BigQuery does with such a number is not documented.
            throw InvalidValueException.unknownAnswer("APPROX_QUANTILES with more than " + MOST_QUANTILES + " quantiles");
        }
        Value[] boundaries = new Value[number.intValue() + 1];
        for (int i = 0; i < boundaries.length; i++) {
            long rank = Math.max(1, Math.floorDiv(i * n + number - 1, number));
            boundaries[i] = sorted.get((int) rank - 1);
        }
        return ValueArray.get(((ValueArray) gathered).getComponentType(), boundaries, null);
    }

    /** APPROX_TOP_COUNT(x, number): the most frequent values (NULL counts as a value) with their counts, most first. */
    public static Value topCount(Value gathered, Long number) {
        requirePositive("APPROX_TOP_COUNT", number);
        Map<Value, BigDecimal> counts = new LinkedHashMap<>();
        for (Value value : values(gathered)) {
            counts.merge(value, BigDecimal.ONE, BigDecimal::add);
        }
        return top("APPROX_TOP_COUNT", counts, number, entry -> ValueBigint.get(entry.longValueExact()));
    }

    /**
     * APPROX_TOP_SUM(x, weight, number): the values with the largest sums of their weights, largest first; a NULL
     * weight adds nothing, a value whose weights are all NULL has a NULL sum, placed last (BigQuery's examples).
     */
    public static Value topSum(Value gathered, Value weights, Long number) {
        String name = "APPROX_TOP_SUM";
        requirePositive(name, number);
        List<Value> values = values(gathered);
        List<Value> amounts = values(weights);
        Map<Value, BigDecimal> sums = new LinkedHashMap<>();
        Map<Value, Double> floatSums = new LinkedHashMap<>();
        boolean floating = false;
        for (int i = 0; i < values.size(); i++) {
            Value weight = amounts.get(i);
            sums.putIfAbsent(values.get(i), null);
            if (weight == ValueNull.INSTANCE) {
                continue;
            }
            BigDecimal amount;
            if (weight instanceof ValueDouble) {
                floating = true;
                double d = weight.getDouble();
                if (Double.isNaN(d) || d < 0) {
                    throw new InvalidValueException(name + " requires a non-negative weight; got " + d);
                }
                if (Double.isInfinite(d)) {
                    throw InvalidValueException.unknownAnswer(name + " with an infinite weight");
                }
                floatSums.merge(values.get(i), d, Double::sum);
                amount = new BigDecimal(d);
            } else {
                amount = weight.getBigDecimal();
                if (amount.signum() < 0) {
                    throw new InvalidValueException(name + " requires a non-negative weight; got " + amount.toPlainString());
                }
            }
            BigDecimal previous = sums.get(values.get(i));
            sums.put(values.get(i), previous == null ? amount : previous.add(amount));
        }
        TypeInfo type = ((ValueArray) weights).getComponentType();
        if (floating) {
            for (Map.Entry<Value, Double> entry : floatSums.entrySet()) {
                // A sum that rounding in another order could change is not provably BigQuery's.
                if (new BigDecimal(entry.getValue()).compareTo(sums.get(entry.getKey())) != 0) {
                    throw InvalidValueException.unknownAnswer(name + " whose FLOAT64 sums are not exact");
                }
            }
        }
        return top(name, sums, number, sum -> {
            if (type.getValueType() == Value.BIGINT) {
                if (sum.toBigInteger().bitLength() > 63) {
                    // Weights are not negative, so the running sum overflows whichever order BigQuery adds them in.
                    throw new InvalidValueException("int64 overflow in " + name + ": the sum for a value exceeds INT64");
                }
                return ValueBigint.get(sum.longValueExact());
            }
            return type.getValueType() == Value.DOUBLE ? ValueDouble.get(sum.doubleValue()) : ValueNumeric.get(sum);
        });
    }

    /** The first {@code number} entries by total, largest first (NULL totals last); ties that decide the answer refuse. */
    private static Value top(String name, Map<Value, BigDecimal> totals, long number,
                             java.util.function.Function<java.math.BigDecimal, Value> total) {
        if (totals.isEmpty()) {
            return ValueNull.INSTANCE;
        }
        if (totals.size() > EXACT_VALUES) {
            throw InvalidValueException.unknownAnswer(name + " over more than " + EXACT_VALUES
                    + " distinct values (whose sketch BigQuery does not document)");
        }
        for (Value value : totals.keySet()) {
            if (value instanceof ValueDouble || value instanceof ValueRow || value instanceof ValueArray) {
                throw InvalidValueException.unknownAnswer(name + " of FLOAT64, STRUCT or ARRAY values");
            }
        }
        List<Map.Entry<Value, BigDecimal>> entries = new ArrayList<>(totals.entrySet());
        Comparator<BigDecimal> byTotal = Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder());
        entries.sort((a, b) -> byTotal.compare(b.getValue(), a.getValue()));
        int kept = (int) Math.min(number, entries.size());
        for (int i = 0; i + 1 < entries.size() && i < kept; i++) {
            if (byTotal.compare(entries.get(i).getValue(), entries.get(i + 1).getValue()) == 0) {
                // BigQuery does not document the order of equal totals.
                throw InvalidValueException.unknownAnswer(name + " with tied totals");
            }
        }
        Value[] out = new Value[kept];
        for (int i = 0; i < kept; i++) {
            BigDecimal sum = entries.get(i).getValue();
            out[i] = ValueRow.get(new Value[] {entries.get(i).getKey(), sum == null ? ValueNull.INSTANCE : total.apply(sum)});
        }
        return ValueArray.get(out, null);
    }

    private static void requirePositive(String name, Long number) {
        if (number == null || number <= 0) {
            throw new InvalidValueException(name + " requires a positive number; got " + number);
        }
    }

    private static List<Value> values(Value gathered) {
        if (!(gathered instanceof ValueArray)) {
            return List.of();
        }
        return Arrays.asList(((ValueArray) gathered).getList());
    }
}
