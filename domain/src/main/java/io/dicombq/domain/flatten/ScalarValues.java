package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.NumberStrings;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.schema.ValueText;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Converts the values of a non-sequence, non-PN element into the Java values of its column
 * (see {@link io.dicombq.domain.schema.Row}). A value read with another VR than the column's (a file
 * that contradicts the dictionary) is converted when that loses nothing; otherwise the whole element is
 * unconvertible and the caller lists it in DroppedTags.
 */
final class ScalarValues {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");

    private ScalarValues() {
    }

    /**
     * The column values of {@code value} (read as {@code fileVr}) for a column of {@code columnVr}'s
     * representation, or null when one of them cannot be converted. A text value that is only padding
     * counts as zero-length.
     */
    static List<Object> convert(Value value, Vr fileVr, Vr columnVr, Representation target, ZoneOffset offset) {
        if (value instanceof Value.Text text) {
            List<String> values = text.values();
            if (values.size() == 1 && values.get(0).isEmpty()) {
                return List.of();
            }
            List<Object> out = new ArrayList<>(values.size());
            for (String item : values) {
                Object converted = fromText(item, columnVr, target, offset);
                if (converted == null) {
                    return null;
                }
                out.add(converted);
            }
            return out;
        }
        if (value instanceof Value.Ints ints) {
            List<Object> out = new ArrayList<>(ints.count());
            for (int i = 0; i < ints.count(); i++) {
                Object converted = fromInteger(ints.get(i), fileVr, target);
                if (converted == null) {
                    return null;
                }
                out.add(converted);
            }
            return out;
        }
        if (value instanceof Value.Floats floats) {
            List<Object> out = new ArrayList<>(floats.count());
            for (int i = 0; i < floats.count(); i++) {
                Object converted = fromFloat(floats.get(i), target);
                if (converted == null) {
                    return null;
                }
                out.add(converted);
            }
            return out;
        }
        return value.isEmpty() ? List.of() : null;
    }

    private static Object fromText(String text, Vr columnVr, Representation target, ZoneOffset offset) {
        return switch (target) {
            // PS3.5 6.2: leading and trailing spaces of DS and IS are not significant
            case STRING -> columnVr == Vr.DS || columnVr == Vr.IS ? text.strip() : text;
            case INTEGER -> {
                String digits = text.strip();
                if (!INTEGER.matcher(digits).matches()) {
                    yield null;
                }
                try {
                    yield Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case FLOAT -> {
                String number = text.strip();
                yield NumberStrings.isDecimal(number) ? Double.parseDouble(number) : null;
            }
            case DATE -> DicomDateTime.date(text.strip());
            case TIME -> DicomDateTime.time(text.strip());
            case TIMESTAMP -> DicomDateTime.timestamp(text.strip(), offset);
            default -> null;
        };
    }

    private static Object fromInteger(long raw, Vr fileVr, Representation target) {
        boolean unsigned64 = fileVr == Vr.UV;
        long value = switch (fileVr) {
            // PS3.5 6.2: UL and AT are unsigned 32-bit; a reader may hand them over sign-extended
            case UL, AT -> raw & 0xFFFFFFFFL;
            default -> raw;
        };
        return switch (target) {
            // specification 3.2: INTEGER is int64, so a UV above 2^63-1 does not fit
            case INTEGER -> unsigned64 && value < 0 ? null : (Object) value;
            case FLOAT -> unsigned64 && value < 0 ? Double.parseDouble(Long.toUnsignedString(value)) : (double) value;
            case STRING -> unsigned64 ? Long.toUnsignedString(value) : Long.toString(value);
            default -> null;
        };
    }

    private static Object fromFloat(double value, Representation target) {
        return switch (target) {
            case FLOAT -> value;
            case STRING -> ValueText.decimal(value);
            case INTEGER -> value == Math.rint(value) && Math.abs(value) < 0x1p63 ? (Object) (long) value : null;
            default -> null;
        };
    }
}
