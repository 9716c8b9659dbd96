package io.dicombq.domain.dicom;

/**
 * The 34 value representations of PS3.5 6.2 (Table 6.2-1), with what a reader and the schema rules need:
 * how values are stored, what pads them, their fixed size and whether explicit VR uses a 32-bit length
 * (PS3.5 7.1.2).
 */
public enum Vr {
    AE(Kind.TEXT, ' ', 0, false, true),
    AS(Kind.TEXT, ' ', 0, false, true),
    AT(Kind.INTEGER, (char) 0, 4, false, true),
    CS(Kind.TEXT, ' ', 0, false, true),
    DA(Kind.TEXT, ' ', 0, false, true),
    DS(Kind.TEXT, ' ', 0, false, true),
    DT(Kind.TEXT, ' ', 0, false, true),
    FL(Kind.FLOAT, (char) 0, 4, false, true),
    FD(Kind.FLOAT, (char) 0, 8, false, true),
    IS(Kind.TEXT, ' ', 0, false, true),
    LO(Kind.TEXT, ' ', 0, false, true),
    LT(Kind.TEXT, ' ', 0, false, false),
    OB(Kind.BINARY, (char) 0, 1, true, false),
    OD(Kind.BINARY, (char) 0, 8, true, false),
    OF(Kind.BINARY, (char) 0, 4, true, false),
    OL(Kind.BINARY, (char) 0, 4, true, false),
    OV(Kind.BINARY, (char) 0, 8, true, false),
    OW(Kind.BINARY, (char) 0, 2, true, false),
    PN(Kind.TEXT, ' ', 0, false, true),
    SH(Kind.TEXT, ' ', 0, false, true),
    SL(Kind.INTEGER, (char) 0, 4, false, true),
    SQ(Kind.SEQUENCE, (char) 0, 0, true, false),
    SS(Kind.INTEGER, (char) 0, 2, false, true),
    ST(Kind.TEXT, ' ', 0, false, false),
    SV(Kind.INTEGER, (char) 0, 8, true, true),
    TM(Kind.TEXT, ' ', 0, false, true),
    UC(Kind.TEXT, ' ', 0, true, true),
    UI(Kind.TEXT, (char) 0, 0, false, true),
    UL(Kind.INTEGER, (char) 0, 4, false, true),
    UN(Kind.BINARY, (char) 0, 1, true, false),
    UR(Kind.TEXT, ' ', 0, true, false),
    US(Kind.INTEGER, (char) 0, 2, false, true),
    UT(Kind.TEXT, ' ', 0, true, false),
    UV(Kind.INTEGER, (char) 0, 8, true, true);

    /** How a value of this VR is held in memory once read. */
    public enum Kind { TEXT, INTEGER, FLOAT, BINARY, SEQUENCE }

    private final Kind kind;
    private final char padding;
    private final int fixedSize;
    private final boolean longLength;
    private final boolean multiValued;

    Vr(Kind kind, char padding, int fixedSize, boolean longLength, boolean multiValued) {
        this.kind = kind;
        this.padding = padding;
        this.fixedSize = fixedSize;
        this.longLength = longLength;
        this.multiValued = multiValued;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    public boolean isBinary() {
        return kind == Kind.BINARY;
    }

    /** PS3.5 6.2: the byte that pads a value to even length (space for text, NUL for UI and binary). */
    public char padding() {
        return padding;
    }

    /** Bytes per value for fixed-size VRs (AT, FL, FD, SS, US, SL, UL, SV, UV and the O* word size); 0 otherwise. */
    public int fixedSize() {
        return fixedSize;
    }

    /** PS3.5 7.1.2: explicit VR encodes these with two reserved bytes and a 32-bit length. */
    public boolean hasLongLength() {
        return longLength;
    }

    /** PS3.5 6.4: whether backslash separates multiple values (LT, ST, UT and UR hold exactly one value). */
    public boolean isMultiValued() {
        return multiValued;
    }

    /** PS3.5 6.1.2.3: these text VRs are affected by Specific Character Set (the others are default repertoire). */
    public boolean usesSpecificCharacterSet() {
        return switch (this) {
            case SH, LO, UC, ST, LT, UT, PN -> true;
            default -> false;
        };
    }

    /** Parses the two upper-case letters of a VR; returns null when they name no VR of PS3.5 6.2. */
    public static Vr fromCode(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        return BY_CODE[(first - 'A') * 26 + (second - 'A')];
    }

    public static Vr parse(String code) {
        Vr vr = code.length() == 2 ? fromCode(code.charAt(0), code.charAt(1)) : null;
        if (vr == null) {
            throw new IllegalArgumentException("not a DICOM value representation: '" + code + "'");
        }
        return vr;
    }

    private static final Vr[] BY_CODE = new Vr[26 * 26];

    static {
        for (Vr vr : values()) {
            String name = vr.name();
            BY_CODE[(name.charAt(0) - 'A') * 26 + (name.charAt(1) - 'A')] = vr;
        }
    }
}
