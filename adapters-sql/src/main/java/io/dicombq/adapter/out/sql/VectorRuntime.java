package io.dicombq.adapter.out.sql;

import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueNull;
import org.h2.value.ValueRow;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * COSINE_DISTANCE and EUCLIDEAN_DISTANCE (BigQuery docs: mathematical functions) over dense vectors (ARRAY<FLOAT64>)
 * and sparse ones (ARRAY<STRUCT<INT64|STRING, FLOAT64>>, dimensions summed in ascending order), in ZetaSQL's order of
 * FLOAT64 operations, each failing on overflow as BigQuery's arithmetic does ({@link StrictFunctions}).
 */
public final class VectorRuntime {
    static final String[][] NAMES = {
        {"vector_cosine_distance", "cosineDistance"}, {"vector_euclidean_distance", "euclideanDistance"},
    };

    /** Dimensions in ascending order: INT64 by value, STRING by code point (UTF-8's byte order). */
    private static final Comparator<Object> DIMENSION_ORDER = (p, q) -> p instanceof Long
            ? Long.compare((Long) p, (Long) q) : AggregateRuntime.compareCodePoints((String) p, (String) q);

    private VectorRuntime() {
    }

    public static Double cosineDistance(Value a, Value b) {
        double[][] pairs = pairs(a, b);
        if (pairs == null) {
            return null;
        }
        double dot = 0;
        double lengthA = 0;
        double lengthB = 0;
        for (double[] pair : pairs) {
            dot = StrictFunctions.add(dot, StrictFunctions.multiply(pair[0], pair[1]));
            lengthA = StrictFunctions.add(lengthA, StrictFunctions.multiply(pair[0], pair[0]));
            lengthB = StrictFunctions.add(lengthB, StrictFunctions.multiply(pair[1], pair[1]));
        }
        if (lengthA == 0 || lengthB == 0) {
            throw new InvalidValueException("Cannot compute cosine distance against zero vector");
        }
        double denominator = StrictFunctions.multiply(Math.sqrt(lengthA), Math.sqrt(lengthB));
        return StrictFunctions.subtract(1.0, StrictFunctions.divide(dot, denominator, false));
    }

    public static Double euclideanDistance(Value a, Value b) {
        double[][] pairs = pairs(a, b);
        if (pairs == null) {
            return null;
        }
        double sum = 0;
        for (double[] pair : pairs) {
            double difference = StrictFunctions.subtract(pair[0], pair[1]);
            sum = StrictFunctions.add(sum, StrictFunctions.multiply(difference, difference));
        }
        return Math.sqrt(sum);
    }

    /** The two vectors' magnitudes, dimension by dimension; null when a vector is NULL. */
    private static double[][] pairs(Value a, Value b) {
        if (!(a instanceof ValueArray) || !(b instanceof ValueArray)) {
            return null;
        }
        Value[] first = ((ValueArray) a).getList();
        Value[] second = ((ValueArray) b).getList();
        boolean sparse = first.length > 0 && first[0] instanceof ValueRow || second.length > 0 && second[0] instanceof ValueRow;
        if (sparse) {
            Map<Object, Double> x = sparse(first);
            Map<Object, Double> y = sparse(second);
            TreeMap<Object, double[]> all = new TreeMap<>(DIMENSION_ORDER);
            x.forEach((k, v) -> all.computeIfAbsent(k, key -> new double[2])[0] = v);
            y.forEach((k, v) -> all.computeIfAbsent(k, key -> new double[2])[1] = v);
            return all.values().toArray(new double[0][]);
        }
        if (first.length != second.length) {
            throw new InvalidValueException("Array length mismatch: " + first.length + " and " + second.length);
        }
        double[][] pairs = new double[first.length][];
        for (int i = 0; i < first.length; i++) {
            if (first[i] == ValueNull.INSTANCE || second[i] == ValueNull.INSTANCE) {
                throw new InvalidValueException("NULL array element in " + (first[i] == ValueNull.INSTANCE ? "first" : "second") + " argument");
            }
            pairs[i] = new double[] {first[i].getDouble(), second[i].getDouble()};
        }
        return pairs;
    }

    /** A sparse vector's magnitudes by dimension (INT64, or STRING in code-point order as ZetaSQL's byte order). */
    private static Map<Object, Double> sparse(Value[] elements) {
        Map<Object, Double> magnitudes = new TreeMap<>(DIMENSION_ORDER);
        for (Value element : elements) {
            if (element == ValueNull.INSTANCE) {
                throw new InvalidValueException("NULL array element");
            }
            Value[] fields = ((ValueRow) element).getList();
            if (fields[0] == ValueNull.INSTANCE || fields[1] == ValueNull.INSTANCE) {
                throw new InvalidValueException("NULL struct field");
            }
            Object dimension = fields[0].getValueType() == Value.BIGINT ? (Object) fields[0].getLong() : fields[0].getString();
            if (magnitudes.put(dimension, fields[1].getDouble()) != null) {
                throw new InvalidValueException("Duplicate index " + dimension + " found in the input array");
            }
        }
        return magnitudes;
    }
}
