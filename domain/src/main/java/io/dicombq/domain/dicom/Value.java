package io.dicombq.domain.dicom;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The value of a data element as a reader produced it (PS3.5 6.2 value encodings, decoded). */
public sealed interface Value permits Value.Text, Value.Ints, Value.Floats, Value.Bytes, Value.Bulk, Value.Items {

    /** Number of values (the value multiplicity actually present); 0 for a zero-length element. */
    int count();

    default boolean isEmpty() {
        return count() == 0;
    }

    /**
     * Text VRs, decoded with the instance's character set, split on backslash where the VR allows several
     * values, padding removed (PS3.5 6.2). An empty component stays an empty string. PN values keep their
     * '=' and '^' separators.
     */
    record Text(List<String> values) implements Value {
        public Text {
            values = List.copyOf(values);
        }

        public static Text of(String... values) {
            return new Text(List.of(values));
        }

        @Override
        public int count() {
            return values.size();
        }
    }

    /** SS, US, SL, UL, SV, UV and AT (the tag as 0xGGGGEEEE); UV and UL keep their bits, see {@link #unsigned}. */
    record Ints(long[] values) implements Value {
        public Ints {
            values = values.clone();
        }

        public static Ints of(long... values) {
            return new Ints(values);
        }

        @Override
        public int count() {
            return values.length;
        }

        public long get(int index) {
            return values[index];
        }

        /** A UV value above 2^63-1 arrives as a negative long: this gives it back in decimal. */
        public static String unsigned(long value) {
            return Long.toUnsignedString(value);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ints that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Ints" + Arrays.toString(values);
        }
    }

    /** FL and FD (FL widened to double). */
    record Floats(double[] values) implements Value {
        public Floats {
            values = values.clone();
        }

        public static Floats of(double... values) {
            return new Floats(values);
        }

        @Override
        public int count() {
            return values.length;
        }

        public double get(int index) {
            return values[index];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Floats that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Floats" + Arrays.toString(values);
        }
    }

    /**
     * A binary value small enough to keep (OB, OD, OF, OL, OV, OW, UN), in the file's byte order as read. A class,
     * not a record, so that a reader can hand over a copy it made ({@link #of}) without a second one: private binary
     * values of 10-40 KB were copied three times on their way to a row.
     */
    final class Bytes implements Value {
        private final byte[] bytes;
        private final boolean bigEndian;

        public Bytes(byte[] bytes, boolean bigEndian) {
            this(bytes.clone(), bigEndian, true);
        }

        private Bytes(byte[] owned, boolean bigEndian, boolean handedOver) {
            this.bytes = owned;
            this.bigEndian = bigEndian;
        }

        /** The value at {@code offset}, {@code length} bytes long, of a buffer the caller may reuse. */
        public static Bytes of(byte[] source, int offset, int length, boolean bigEndian) {
            return new Bytes(Arrays.copyOfRange(source, offset, offset + length), bigEndian, true);
        }

        @Override
        public int count() {
            return bytes.length == 0 ? 0 : 1;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public boolean bigEndian() {
            return bigEndian;
        }

        public int length() {
            return bytes.length;
        }

        /** The bytes in base64 (RFC 4648, with padding), as DICOM JSON's InlineBinary and the export's rows write them. */
        public String base64() {
            return Base64Text.of(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && bigEndian == that.bigEndian && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(bigEndian);
        }

        @Override
        public String toString() {
            return "Bytes[" + bytes.length + "]";
        }
    }

    /**
     * Bulk data that was skipped, not read: where it starts in the source and how long it is.
     * {@code length} is -1 for undefined length (encapsulated pixel data, PS3.5 A.4).
     */
    record Bulk(long offset, long length) implements Value {
        @Override
        public int count() {
            return length == 0 ? 0 : 1;
        }
    }

    /** SQ: the items, each a data set of its own (PS3.5 7.5). An empty sequence has no items. */
    record Items(List<DicomDataset> items) implements Value {
        public Items {
            items = List.copyOf(items);
        }

        @Override
        public int count() {
            return items.size();
        }
    }

    static Value empty(Vr vr) {
        return switch (vr.kind()) {
            case TEXT -> new Text(List.of());
            case INTEGER -> new Ints(new long[0]);
            case FLOAT -> new Floats(new double[0]);
            case BINARY -> new Bytes(new byte[0], false);
            case SEQUENCE -> new Items(List.of());
        };
    }

    static void requireNonNull(Value value) {
        Objects.requireNonNull(value, "value");
    }
}
