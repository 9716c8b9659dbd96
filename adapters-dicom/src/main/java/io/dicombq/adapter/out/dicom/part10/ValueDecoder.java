package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns the bytes of one element value into a {@link Value} by its VR (PS3.5 6.2), reading straight from a buffer. */
final class ValueDecoder {
    private ValueDecoder() {
    }

    /** Thrown when the bytes cannot be a value of the VR; the parser adds where. */
    static final class InvalidValueException extends Exception {
        InvalidValueException(String message) {
            super(message, null, false, false);
        }
    }

    static Value decode(Vr vr, byte[] bytes, int offset, int length, boolean bigEndian, SpecificCharacterSet charset)
            throws InvalidValueException {
        return switch (vr.kind()) {
            case TEXT -> text(vr, bytes, offset, length, charset);
            case INTEGER -> integers(vr, bytes, offset, length, bigEndian);
            case FLOAT -> floats(vr, bytes, offset, length, bigEndian);
            case BINARY -> Value.Bytes.of(bytes, offset, length, bigEndian);
            case SEQUENCE -> throw new IllegalArgumentException("sequences are parsed, not decoded");
        };
    }

    static Value.Text text(Vr vr, byte[] bytes, int offset, int length, SpecificCharacterSet charset) {
        if (length == 0) {
            return EMPTY_TEXT;
        }
        boolean leading = stripsLeadingSpaces(vr);
        String ascii = singleAsciiValue(bytes, offset, length, vr.isMultiValued(), leading);
        if (ascii != null) {
            return ascii.isEmpty() ? EMPTY_TEXT : new Value.Text(List.of(ascii));
        }
        // PS3.5 6.1.2.3: only these VRs use the Specific Character Set; the others are in the default repertoire
        SpecificCharacterSet decoder = vr.usesSpecificCharacterSet() ? charset : SpecificCharacterSet.DEFAULT;
        List<String> raw = decoder.decode(bytes, offset, length, vr.isMultiValued(), vr == Vr.PN);
        if (raw.size() == 1) {
            String only = trim(raw.get(0), leading);
            return only.isEmpty() ? EMPTY_TEXT : new Value.Text(List.of(only));
        }
        List<String> values = new ArrayList<>(raw.size());
        for (String value : raw) {
            values.add(trim(value, leading));
        }
        return new Value.Text(values);
    }

    private static final Value.Text EMPTY_TEXT = new Value.Text(List.of());

    /**
     * The common case in one pass: printable ASCII (the same in every character set DICOM allows), no value
     * delimiter to split on. Returns the value with its padding removed, or null when the general path is needed.
     */
    private static String singleAsciiValue(byte[] bytes, int offset, int length, boolean multiValued, boolean leading) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b < 0x20 || (b == '\\' && multiValued)) {
                if (b != 0 || !onlyPaddingFrom(bytes, i, end)) {
                    return null;
                }
                break;
            }
        }
        while (end > offset && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        int start = offset;
        while (leading && start < end && bytes[start] == ' ') {
            start++;
        }
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static boolean onlyPaddingFrom(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] != 0 && bytes[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** PS3.5 6.2: leading spaces are insignificant in these VRs; in the others only trailing padding is. */
    private static boolean stripsLeadingSpaces(Vr vr) {
        return switch (vr) {
            case AE, AS, CS, DA, DS, DT, IS, TM, UI -> true;
            default -> false;
        };
    }

    /** Removes the padding: trailing spaces and NULs (PS3.5 6.2 pads text with space, UI with NUL). */
    private static String trim(String value, boolean leading) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (leading) {
            while (start < end && value.charAt(start) == ' ') {
                start++;
            }
        }
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }

    private static Value.Ints integers(Vr vr, byte[] b, int offset, int length, boolean big) throws InvalidValueException {
        int size = vr.fixedSize();
        requireMultiple(vr, length, size);
        long[] values = new long[length / size];
        for (int i = 0, at = offset; i < values.length; i++, at += size) {
            values[i] = switch (vr) {
                case US -> ByteInput.u16At(b, at, big);
                case SS -> (short) ByteInput.u16At(b, at, big);
                case UL -> ByteInput.i32At(b, at, big) & 0xFFFFFFFFL;
                case SL -> ByteInput.i32At(b, at, big);
                // PS3.5 7.1: an AT value is the group then the element, each a 16-bit word in the data set's byte order
                case AT -> ((long) ByteInput.u16At(b, at, big) << 16) | ByteInput.u16At(b, at + 2, big);
                default -> ByteInput.i64At(b, at, big); // SV, UV: UV keeps its 64 bits
            };
        }
        return new Value.Ints(values);
    }

    private static Value.Floats floats(Vr vr, byte[] b, int offset, int length, boolean big) throws InvalidValueException {
        int size = vr.fixedSize();
        requireMultiple(vr, length, size);
        double[] values = new double[length / size];
        for (int i = 0, at = offset; i < values.length; i++, at += size) {
            values[i] = vr == Vr.FL
                    ? Float.intBitsToFloat(ByteInput.i32At(b, at, big))
                    : Double.longBitsToDouble(ByteInput.i64At(b, at, big));
        }
        return new Value.Floats(values);
    }

    private static void requireMultiple(Vr vr, int length, int size) throws InvalidValueException {
        if (length % size != 0) {
            throw new InvalidValueException("a " + vr + " value is a multiple of " + size + " bytes long, but this one has "
                    + length + " bytes");
        }
    }
}
