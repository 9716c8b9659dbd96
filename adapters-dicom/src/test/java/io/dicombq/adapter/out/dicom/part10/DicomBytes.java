package io.dicombq.adapter.out.dicom.part10;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Builds DICOM byte streams for tests, element by element, in one of the three encodings; {@link #file}
 * wraps a body in the preamble, "DICM" and the file meta information.
 */
final class DicomBytes {
    static final int UNDEFINED = -1;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

    private final boolean explicit;
    private final boolean big;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private DicomBytes(boolean explicit, boolean big) {
        this.explicit = explicit;
        this.big = big;
    }

    static DicomBytes explicitLittle() {
        return new DicomBytes(true, false);
    }

    static DicomBytes implicitLittle() {
        return new DicomBytes(false, false);
    }

    static DicomBytes explicitBig() {
        return new DicomBytes(true, true);
    }

    /** An element with its value as given (no padding added). {@code length} UNDEFINED writes 0xFFFFFFFF. */
    DicomBytes element(int tag, String vr, byte[] value, int length) {
        tag(tag);
        if (explicit) {
            raw(vr.getBytes(StandardCharsets.US_ASCII));
            if (LONG_VRS.contains(vr)) {
                u16(0);
                u32(length);
            } else {
                u16(length);
            }
        } else {
            u32(length);
        }
        raw(value);
        return this;
    }

    DicomBytes element(int tag, String vr, byte[] value) {
        return element(tag, vr, value, value.length);
    }

    /** Text padded to even length: NUL for UI, space otherwise (PS3.5 6.2). */
    DicomBytes text(int tag, String vr, String value) {
        return text(tag, vr, value, StandardCharsets.ISO_8859_1);
    }

    DicomBytes text(int tag, String vr, String value, Charset charset) {
        return element(tag, vr, padded(value.getBytes(charset), vr.equals("UI") ? 0 : ' '));
    }

    DicomBytes us(int tag, int... values) {
        byte[] bytes = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            put16(bytes, i * 2, values[i]);
        }
        return element(tag, "US", bytes);
    }

    /** PS3.5 6.2 AT: group then element, each 16 bits in the stream's byte order. */
    DicomBytes at(int tag, int... tags) {
        byte[] bytes = new byte[tags.length * 4];
        for (int i = 0; i < tags.length; i++) {
            put16(bytes, i * 4, tags[i] >>> 16);
            put16(bytes, i * 4 + 2, tags[i] & 0xFFFF);
        }
        return element(tag, "AT", bytes);
    }

    /** A sequence whose items are the given bodies; lengths defined or undefined. */
    DicomBytes sequence(int tag, boolean undefinedSequence, boolean undefinedItems, byte[]... items) {
        return sequence(tag, "SQ", undefinedSequence, undefinedItems, items);
    }

    DicomBytes sequence(int tag, String vr, boolean undefinedSequence, boolean undefinedItems, byte[]... items) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        DicomBytes itemWriter = new DicomBytes(explicit, big);
        for (byte[] item : items) {
            itemWriter.tag(0xFFFEE000).u32(undefinedItems ? UNDEFINED : item.length).raw(item);
            if (undefinedItems) {
                itemWriter.tag(0xFFFEE00D).u32(0);
            }
        }
        if (undefinedSequence) {
            itemWriter.tag(0xFFFEE0DD).u32(0);
        }
        content.writeBytes(itemWriter.build());
        byte[] value = content.toByteArray();
        return element(tag, vr, value, undefinedSequence ? UNDEFINED : value.length);
    }

    DicomBytes tag(int tag) {
        u16(tag >>> 16);
        return u16(tag & 0xFFFF);
    }

    DicomBytes u16(int value) {
        byte[] bytes = new byte[2];
        put16(bytes, 0, value);
        return raw(bytes);
    }

    DicomBytes u32(int value) {
        return big ? u16(value >>> 16).u16(value & 0xFFFF) : u16(value & 0xFFFF).u16(value >>> 16);
    }

    DicomBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    private void put16(byte[] bytes, int at, int value) {
        if (big) {
            bytes[at] = (byte) (value >>> 8);
            bytes[at + 1] = (byte) value;
        } else {
            bytes[at] = (byte) value;
            bytes[at + 1] = (byte) (value >>> 8);
        }
    }

    static byte[] padded(byte[] bytes, int pad) {
        if (bytes.length % 2 == 0) {
            return bytes;
        }
        byte[] even = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        even[bytes.length] = (byte) pad;
        return even;
    }

    /** Preamble, "DICM", file meta information (explicit VR little endian) for the transfer syntax, then the body. */
    static byte[] file(String transferSyntaxUid, byte[] body) {
        byte[] meta = explicitLittle()
                .element(0x00020001, "OB", new byte[] {0, 1})
                .text(0x00020002, "UI", "1.2.840.10008.5.1.4.1.1.7")
                .text(0x00020003, "UI", "1.2.3.4")
                .text(0x00020010, "UI", transferSyntaxUid)
                .build();
        byte[] groupLength = explicitLittle().element(0x00020000, "UL", new byte[] {
                (byte) meta.length, (byte) (meta.length >>> 8), (byte) (meta.length >>> 16), (byte) (meta.length >>> 24)}).build();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(groupLength);
        file.writeBytes(meta);
        file.writeBytes(body);
        return file.toByteArray();
    }
}
