package io.dicombq.domain.dicom;

import java.nio.charset.StandardCharsets;

/** A DICOM attribute tag (group, element) packed as the 32-bit value 0xGGGGEEEE (PS3.5 7.1). */
public record Tag(int value) implements Comparable<Tag> {

    public static final Tag ITEM = new Tag(0xFFFEE000);
    public static final Tag ITEM_DELIMITATION = new Tag(0xFFFEE00D);
    public static final Tag SEQUENCE_DELIMITATION = new Tag(0xFFFEE0DD);
    public static final Tag SPECIFIC_CHARACTER_SET = new Tag(0x00080005);
    public static final Tag TIMEZONE_OFFSET_FROM_UTC = new Tag(0x00080201);
    public static final Tag SOP_INSTANCE_UID = new Tag(0x00080018);
    public static final Tag STUDY_INSTANCE_UID = new Tag(0x0020000D);
    public static final Tag SERIES_INSTANCE_UID = new Tag(0x0020000E);
    public static final Tag PIXEL_DATA = new Tag(0x7FE00010);
    public static final Tag FLOAT_PIXEL_DATA = new Tag(0x7FE00008);
    public static final Tag DOUBLE_FLOAT_PIXEL_DATA = new Tag(0x7FE00009);

    public static Tag of(int group, int element) {
        return new Tag(((group & 0xFFFF) << 16) | (element & 0xFFFF));
    }

    /** Parses {@code GGGGEEEE}, {@code (GGGG,EEEE)} or {@code Tag_GGGGEEEE}, hex digits in either case. */
    public static Tag parse(String text) {
        String hex = text.strip();
        if (hex.startsWith("Tag_")) {
            hex = hex.substring(4);
        } else if (hex.startsWith("(") && hex.endsWith(")") && hex.length() == 11 && hex.charAt(5) == ',') {
            hex = hex.substring(1, 5) + hex.substring(6, 10);
        }
        // checked digit by digit: parseUnsignedInt alone would also take a sign or non-ASCII digits
        if (hex.length() != 8 || !hex.chars().allMatch(Tag::isHexDigit)) {
            throw new IllegalArgumentException("not a DICOM tag: '" + text + "' (expected 8 hex digits GGGGEEEE)");
        }
        return new Tag(Integer.parseUnsignedInt(hex, 16));
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    public int group() {
        return value >>> 16;
    }

    public int element() {
        return value & 0xFFFF;
    }

    /** PS3.5 7.8: odd groups other than 0001, 0003, 0005, 0007 and FFFF hold private elements. */
    public boolean isPrivate() {
        int group = group();
        return (group & 1) == 1 && group > 0x0007 && group != 0xFFFF;
    }

    /** PS3.5 7.8.1: (gggg,0010-00FF) in a private group reserves a block for a private creator. */
    public boolean isPrivateCreator() {
        int element = element();
        return isPrivate() && element >= 0x0010 && element <= 0x00FF;
    }

    /** The private creator element that reserves this private element's block, e.g. (0009,1002) -> (0009,0010). */
    public Tag privateCreatorTag() {
        if (!isPrivate() || element() < 0x1000) {
            throw new IllegalStateException(this + " is not a private data element");
        }
        return Tag.of(group(), element() >>> 8);
    }

    /** PS3.5 7.2: (gggg,0000) group length elements. */
    public boolean isGroupLength() {
        return element() == 0x0000;
    }

    public boolean isFileMeta() {
        return group() == 0x0002;
    }

    /** PS3.5 7.5: item and delimitation tags in group FFFE. */
    public boolean isDelimiter() {
        return group() == 0xFFFE;
    }

    /** {@code GGGGEEEE}, upper-case hex, as in the DICOM JSON model (PS3.18 F.2.1). */
    public String hex() {
        // by hand: String.format was a quarter of dump's time and a share of the flattening's (every private tag)
        byte[] digits = new byte[8];
        int rest = value;
        for (int i = 7; i >= 0; i--) {
            digits[i] = HEX_DIGITS[rest & 0xF];
            rest >>>= 4;
        }
        // Latin-1 bytes become the String's own copy; chars would be checked one by one to compress them
        return new String(digits, StandardCharsets.ISO_8859_1);
    }

    private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** {@code Tag_GGGGEEEE}: the column name of an element that has no keyword. */
    public String columnName() {
        return "Tag_" + hex();
    }

    // by hand: a record's generated equals and hashCode go through method handles, which C1 (dump) does not inline;
    // the same results as the generated ones (hashCode is the value, as the record's is for one int)
    @Override
    public boolean equals(Object other) {
        return other instanceof Tag that && that.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(Tag other) {
        return Integer.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return String.format("(%04X,%04X)", group(), element());
    }
}
