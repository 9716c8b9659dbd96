package io.dicombq.adapter.out.dicom.part10;

/** How a data set is encoded after the file meta information (PS3.5 Section 10, Annex A). */
enum TransferSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN(false, false, false),
    EXPLICIT_VR_LITTLE_ENDIAN(true, false, false),
    EXPLICIT_VR_BIG_ENDIAN(true, true, false),
    DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN(true, false, true);

    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean deflated;

    TransferSyntax(boolean explicitVr, boolean bigEndian, boolean deflated) {
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
    }

    boolean explicitVr() {
        return explicitVr;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    boolean deflated() {
        return deflated;
    }

    /**
     * The encoding a transfer syntax UID implies. PS3.5 A.4: every encapsulated (compressed) syntax encodes
     * the data set as explicit VR little endian, so any UID not listed here reads that way.
     */
    static TransferSyntax ofUid(String uid) {
        return switch (uid) {
            case "1.2.840.10008.1.2" -> IMPLICIT_VR_LITTLE_ENDIAN;
            case "1.2.840.10008.1.2.2" -> EXPLICIT_VR_BIG_ENDIAN;
            // PS3.5 A.5; 1.2.840.10008.1.2.1.99 is deflated explicit VR little endian
            case "1.2.840.10008.1.2.1.99" -> DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            default -> EXPLICIT_VR_LITTLE_ENDIAN;
        };
    }
}
