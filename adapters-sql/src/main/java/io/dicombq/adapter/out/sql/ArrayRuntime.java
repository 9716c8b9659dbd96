package io.dicombq.adapter.out.sql;

import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ARRAY_REVERSE, ARRAY_FIRST/LAST, ARRAY_SLICE and its _N forms, ARRAY_IS_DISTINCT, ARRAY_INCLUDES[_ANY|_ALL],
 * ARRAY_MIN/MAX and ARRAY_TO_STRING on BYTES (BigQuery docs: array functions; ZetaSQL's reference implementation
 * for edge cases), installed as H2 functions over H2 values so that any element type passes through unchanged.
 * {@link ArrayFunctions} renders them only for the element types {@link #key} knows.
 */
public final class ArrayRuntime {
    static final String[][] NAMES = {
        {"array_reversed", "reverse"}, {"array_end", "end"}, {"array_part", "slice"}, {"array_distinct_test", "isDistinct"},
        {"array_has", "includes"}, {"array_has_elements", "includesArray"}, {"array_extreme", "extreme"},
        {"array_to_bytes", "toBytes"}, {"array_first_occurrences", "firstOccurrences"},
        {"array_position", "position"},
    };

    private ArrayRuntime() {
    }

    /**
     * H2's 1-based position of {@code array[OFFSET(index)]} ({@code base} 0) or {@code array[ORDINAL(index)]} (1) in
     * an array of {@code length} elements; NULL when either is NULL (the element is then NULL), and out of range
     * BigQuery's error, which names the index as written ("Array index 5 is out of bounds (overflow)").
     */
    public static Long position(Long index, Integer length, Integer base) {
        if (index == null || length == null) {
            return null;
        }
        if (index < base) {
            throw new InvalidValueException("Array index " + index + " is out of bounds (underflow)");
        }
        if (index - base >= length) {
            throw new InvalidValueException("Array index " + index + " is out of bounds (overflow)");
        }
        return index - base + 1;
    }

    public static Value reverse(Value array) {
        if (!(array instanceof ValueArray)) {
            return ValueNull.INSTANCE;
        }
        Value[] elements = ((ValueArray) array).getList().clone();
        for (int i = 0, j = elements.length - 1; i < j; i++, j--) {
            Value swap = elements[i];
            elements[i] = elements[j];
            elements[j] = swap;
        }
        return ValueArray.get(((ValueArray) array).getComponentType(), elements, null);
    }

    /** ARRAY_FIRST ({@code first}) or ARRAY_LAST: an empty array is an error. */
    public static Value end(Value array, Boolean first) {
        if (!(array instanceof ValueArray)) {
            return ValueNull.INSTANCE;
        }
        Value[] elements = ((ValueArray) array).getList();
        if (elements.length == 0) {
            throw new InvalidValueException(first ? "ARRAY_FIRST cannot get the first element of an empty array"
                    : "ARRAY_LAST cannot get the last element of an empty array");
        }
        return elements[first ? 0 : elements.length - 1];
    }

    /**
     * ARRAY_SLICE(array, start, end) with {@code n} NULL, both offsets inclusive and negative ones counted from the end;
     * or, with {@code form} FIRST_N, LAST_N, REMOVE_FIRST_N, REMOVE_LAST_N and {@code n}, those (n must not be negative).
     */
    public static Value slice(Value array, Long start, Long end, String form, Long n) {
        if (!(array instanceof ValueArray) || (form.equals("SLICE") ? start == null || end == null : n == null)) {
            return ValueNull.INSTANCE;
        }
        Value[] elements = ((ValueArray) array).getList();
        long length = elements.length;
        long from = 0;
        long to = length;
        if (!form.equals("SLICE") && n < 0) {
            throw new InvalidValueException("The n argument to ARRAY_" + form + " must not be negative.");
        }
        switch (form) {
            case "SLICE":
                from = start < 0 ? start + length : start;
                to = end < 0 ? end + length : end;
                break;
            case "FIRST_N":
                to = n - 1;
                break;
            case "LAST_N":
                from = length - n;
                break;
            case "REMOVE_FIRST_N":
                from = n;
                break;
            default:
                to = length - n - 1;
                break;
        }
        if (length == 0 || to < 0 || from >= length || from > to) {
            return ValueArray.get(((ValueArray) array).getComponentType(), new Value[0], null);
        }
        return ValueArray.get(((ValueArray) array).getComponentType(),
                Arrays.copyOfRange(elements, (int) Math.max(0, from), (int) Math.min(length - 1, to) + 1), null);
    }

    /** ARRAY_IS_DISTINCT: FALSE when two elements group together (NULLs together, NaN with NaN). */
    public static Value isDistinct(Value array) {
        if (!(array instanceof ValueArray)) {
            return ValueNull.INSTANCE;
        }
        Set<Object> seen = new HashSet<>();
        for (Value element : ((ValueArray) array).getList()) {
            if (!seen.add(element == ValueNull.INSTANCE ? ValueNull.INSTANCE : key(element))) {
                return ValueBoolean.FALSE;
            }
        }
        return ValueBoolean.TRUE;
    }

    /**
     * The elements that group apart (NULLs together, NaN with NaN), each at its first place: what ARRAY_AGG(DISTINCT x)
     * and STRING_AGG(DISTINCT x) without ORDER BY give in BigQuery's documented examples and ZetaSQL's reference
     * implementation (H2's DISTINCT sorts them instead).
     */
    public static Value firstOccurrences(Value array) {
        if (!(array instanceof ValueArray)) {
            return ValueNull.INSTANCE;
        }
        Set<Object> seen = new HashSet<>();
        List<Value> kept = new ArrayList<>();
        for (Value element : ((ValueArray) array).getList()) {
            if (seen.add(groupKey(element))) {
                kept.add(element);
            }
        }
        return ValueArray.get(((ValueArray) array).getComponentType(), kept.toArray(new Value[0]), null);
    }

    /** {@link #key} where it knows the type; otherwise H2's own equality, which its DISTINCT uses too. */
    private static Object groupKey(Value element) {
        if (element == ValueNull.INSTANCE) {
            return ValueNull.INSTANCE;
        }
        switch (element.getValueType()) {
            case Value.BIGINT: case Value.DOUBLE: case Value.NUMERIC: case Value.VARCHAR: case Value.BOOLEAN: case Value.DATE:
            case Value.VARBINARY:
                return key(element);
            default:
                return element;
        }
    }

    /** ARRAY_INCLUDES(array, target): TRUE when an element equals the target (NULL elements and NaN never do). */
    public static Value includes(Value array, Value target) {
        if (!(array instanceof ValueArray) || target == ValueNull.INSTANCE) {
            return ValueNull.INSTANCE;
        }
        return ValueBoolean.get(contains(((ValueArray) array).getList(), target));
    }

    /** ARRAY_INCLUDES_ANY ({@code all} FALSE) and ARRAY_INCLUDES_ALL over the elements of {@code targets}. */
    public static Value includesArray(Value array, Value targets, Boolean all) {
        if (!(array instanceof ValueArray) || !(targets instanceof ValueArray)) {
            return ValueNull.INSTANCE;
        }
        for (Value target : ((ValueArray) targets).getList()) {
            boolean found = target != ValueNull.INSTANCE && contains(((ValueArray) array).getList(), target);
            if (found != all) {
                return ValueBoolean.get(found);
            }
        }
        return ValueBoolean.get(all);
    }

    private static boolean contains(Value[] elements, Value target) {
        for (Value element : elements) {
            if (element != ValueNull.INSTANCE && equal(element, target)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(Value a, Value b) {
        if (a.getValueType() == Value.DOUBLE) {
            return a.getDouble() == b.getDouble();
        }
        return key(a).equals(key(b));
    }

    /**
     * ARRAY_MIN ({@code max} FALSE) or ARRAY_MAX: NULL elements are skipped, NULL when none is left; a NaN makes the
     * answer NaN; strings compare by code point.
     */
    public static Value extreme(Value array, Boolean max) {
        if (!(array instanceof ValueArray)) {
            return ValueNull.INSTANCE;
        }
        Value best = null;
        for (Value element : ((ValueArray) array).getList()) {
            if (element == ValueNull.INSTANCE) {
                continue;
            }
            if (element.getValueType() == Value.DOUBLE && Double.isNaN(element.getDouble())) {
                return element;
            }
            if (best == null || (order(element, best) > 0) == max && order(element, best) != 0) {
                best = element;
            }
        }
        return best == null ? ValueNull.INSTANCE : best;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int order(Value a, Value b) {
        Object x = key(a);
        Object y = key(b);
        if (x instanceof String) {
            return Arrays.compare(((String) x).codePoints().toArray(), ((String) y).codePoints().toArray());
        }
        if (x instanceof Double) {
            return Double.compare((Double) x + 0.0, (Double) y + 0.0);
        }
        return ((Comparable) x).compareTo(y);
    }

    /** ARRAY_TO_STRING on BYTES: NULL elements skipped, or written as {@code nullText} when it is given. */
    public static byte[] toBytes(Value array, byte[] delimiter, byte[] nullText, Boolean hasNullText) {
        if (!(array instanceof ValueArray) || delimiter == null || (hasNullText && nullText == null)) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (Value element : ((ValueArray) array).getList()) {
            if (element == ValueNull.INSTANCE && !hasNullText) {
                continue;
            }
            if (!first) {
                out.writeBytes(delimiter);
            }
            out.writeBytes(element == ValueNull.INSTANCE ? nullText : element.getBytesNoCopy());
            first = false;
        }
        return out.toByteArray();
    }

    /** A Java value that is equal, and ordered, as BigQuery compares the element. */
    static Object key(Value value) {
        switch (value.getValueType()) {
            case Value.BIGINT:
                return value.getLong();
            case Value.DOUBLE:
                // grouping: NaN with NaN, -0.0 with 0.0
                return value.getDouble() + 0.0;
            case Value.NUMERIC:
                return value.getBigDecimal().stripTrailingZeros();
            case Value.VARCHAR:
                return value.getString();
            case Value.BOOLEAN:
                return value.getBoolean();
            case Value.DATE:
                return ((org.h2.value.ValueDate) value).getDateValue();
            case Value.VARBINARY:
                return ByteBuffer.wrap(value.getBytesNoCopy());
            default:
                throw new IllegalArgumentException("no array element key for " + value.getType());
        }
    }
}
