package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * specification 3.2 decision: a standard element that arrives as UN is re-read with its dictionary VR when
 * the bytes allow it. Numbers need a whole number of values; text must be plain ASCII, because the
 * character set of text VRs is the reader's business (PS3.5 6.1.2.3) and a non-ASCII byte here cannot
 * be decoded safely. Sequences are not re-parsed. Anything else stays unreadable (null).
 */
final class UnknownVrValues {
    private UnknownVrValues() {
    }

    static Value reread(Value.Bytes bytes, Vr vr) {
        byte[] data = bytes.bytes();
        ByteOrder order = bytes.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return switch (vr.kind()) {
            case INTEGER -> integers(data, order, vr);
            case FLOAT -> floats(data, order, vr);
            case TEXT -> text(data, vr);
            default -> null;
        };
    }

    private static Value integers(byte[] data, ByteOrder order, Vr vr) {
        int size = vr.fixedSize();
        if (data.length % size != 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data).order(order);
        long[] values = new long[data.length / size];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (vr) {
                case US -> Short.toUnsignedLong(buffer.getShort());
                case SS -> buffer.getShort();
                case UL -> Integer.toUnsignedLong(buffer.getInt());
                case SL -> buffer.getInt();
                // PS3.5 6.2 AT: group number then element number, each 16-bit
                case AT -> ((long) Short.toUnsignedInt(buffer.getShort()) << 16) | Short.toUnsignedInt(buffer.getShort());
                default -> buffer.getLong();
            };
        }
        return new Value.Ints(values);
    }

    private static Value floats(byte[] data, ByteOrder order, Vr vr) {
        int size = vr.fixedSize();
        if (data.length % size != 0) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data).order(order);
        double[] values = new double[data.length / size];
        for (int i = 0; i < values.length; i++) {
            values[i] = vr == Vr.FL ? buffer.getFloat() : buffer.getDouble();
        }
        return new Value.Floats(values);
    }

    private static Value text(byte[] data, Vr vr) {
        for (byte b : data) {
            if (b < 0) {
                return null;
            }
        }
        String text = new String(data, StandardCharsets.US_ASCII);
        int end = text.length();
        // PS3.5 6.2: text is padded with a trailing space, UI with a trailing NUL
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
            end--;
        }
        text = text.substring(0, end);
        if (text.isEmpty()) {
            return new Value.Text(List.of());
        }
        if (!vr.isMultiValued()) {
            return Value.Text.of(text);
        }
        List<String> values = new ArrayList<>(List.of(text.split("\\\\", -1)));
        return new Value.Text(values);
    }
}
