package io.dicombq.adapter.in.cli.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes small DICOM Part 10 files in Explicit VR Little Endian (PS3.10 7.1, PS3.5 7.1.2), enough to generate
 * synthetic instances for the demo and the memory benchmark. Elements must be added in ascending tag order.
 */
final class Part10Writer {
    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    private static final String IMPLEMENTATION_CLASS_UID = "1.2.826.0.1.3680043.10.1076.1";

    private Part10Writer() {
    }

    /** A whole file: 128-byte preamble, "DICM", the file meta group with its group length, then the data set. */
    static byte[] file(String sopClassUid, String sopInstanceUid, byte[] dataset) {
        DataSetBuilder meta = new DataSetBuilder()
                .binary(0x0002, 0x0001, "OB", new byte[] {0, 1})
                .text(0x0002, 0x0002, "UI", sopClassUid)
                .text(0x0002, 0x0003, "UI", sopInstanceUid)
                .text(0x0002, 0x0010, "UI", EXPLICIT_VR_LITTLE_ENDIAN)
                .text(0x0002, 0x0012, "UI", IMPLEMENTATION_CLASS_UID)
                .text(0x0002, 0x0013, "SH", "DICOMBQ_SYNTH");
        byte[] metaBytes = meta.bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + metaBytes.length + dataset.length);
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        // PS3.10 7.1: (0002,0000) File Meta Information Group Length counts the bytes after it.
        out.writeBytes(new DataSetBuilder().uint32(0x0002, 0x0000, metaBytes.length).bytes());
        out.writeBytes(metaBytes);
        out.writeBytes(dataset);
        return out.toByteArray();
    }

    /** Builds an explicit VR little endian data set (or a sequence item's content). */
    static final class DataSetBuilder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

        DataSetBuilder text(int group, int element, String vr, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
            // PS3.5 6.2: UI values are padded with NUL, other text with a space, to an even length.
            return element(group, element, vr, padded(bytes, vr.equals("UI") ? (byte) 0 : (byte) ' '));
        }

        DataSetBuilder binary(int group, int element, String vr, byte[] value) {
            return element(group, element, vr, padded(value, (byte) 0));
        }

        DataSetBuilder uint16(int group, int element, int value) {
            return element(group, element, "US", new byte[] {(byte) value, (byte) (value >> 8)});
        }

        DataSetBuilder uint32(int group, int element, long value) {
            return element(group, element, "UL", new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)});
        }

        /** A sequence of defined length whose items are the given item contents (PS3.5 7.5). */
        DataSetBuilder sequence(int group, int element, byte[]... items) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (byte[] item : items) {
                writeTag(content, 0xFFFE, 0xE000);
                writeInt(content, item.length);
                content.writeBytes(item);
            }
            return element(group, element, "SQ", content.toByteArray());
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private DataSetBuilder element(int group, int element, String vr, byte[] value) {
            writeTag(out, group, element);
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            // PS3.5 7.1.2: these VRs have two reserved bytes and a 32-bit length; the others a 16-bit length.
            if ("OB OD OF OL OV OW SQ SV UC UN UR UT UV".contains(vr)) {
                out.write(0);
                out.write(0);
                writeInt(out, value.length);
            } else {
                out.write(value.length & 0xFF);
                out.write((value.length >> 8) & 0xFF);
            }
            out.writeBytes(value);
            return this;
        }

        private static byte[] padded(byte[] value, byte pad) {
            if (value.length % 2 == 0) {
                return value;
            }
            byte[] even = java.util.Arrays.copyOf(value, value.length + 1);
            even[value.length] = pad;
            return even;
        }

        private static void writeTag(ByteArrayOutputStream out, int group, int element) {
            out.write(group & 0xFF);
            out.write((group >> 8) & 0xFF);
            out.write(element & 0xFF);
            out.write((element >> 8) & 0xFF);
        }

        private static void writeInt(ByteArrayOutputStream out, int value) {
            out.write(value & 0xFF);
            out.write((value >> 8) & 0xFF);
            out.write((value >> 16) & 0xFF);
            out.write((value >> 24) & 0xFF);
        }
    }
}
