package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.schema.ColumnType;

/** How an element of each VR is represented in the flattened table (specification 3.2). */
public enum Representation {
    STRING(ColumnType.STRING),
    INTEGER(ColumnType.INTEGER),
    FLOAT(ColumnType.FLOAT),
    DATE(ColumnType.DATE),
    TIME(ColumnType.TIME),
    TIMESTAMP(ColumnType.TIMESTAMP),
    /** PS3.5 6.2 PN: the 3 x 5 RECORD of component groups and components. */
    PERSON_NAME(ColumnType.RECORD),
    /** PS3.5 7.5: one RECORD per item, always REPEATED. */
    SEQUENCE(ColumnType.RECORD),
    /** Binary VRs have no column: the element goes to DroppedTags. */
    NOT_EXPORTED(null);

    private final ColumnType columnType;

    Representation(ColumnType columnType) {
        this.columnType = columnType;
    }

    public ColumnType columnType() {
        return columnType;
    }

    public boolean isScalar() {
        return this != PERSON_NAME && this != SEQUENCE && this != NOT_EXPORTED;
    }

    public static Representation of(Vr vr) {
        return switch (vr) {
            // PS3.5 6.2: DS and IS stay strings, exactly as encoded, so no precision is lost
            case AE, AS, CS, DS, IS, LO, LT, SH, ST, UC, UI, UR, UT -> STRING;
            case DA -> DATE;
            case TM -> TIME;
            case DT -> TIMESTAMP;
            case FL, FD -> FLOAT;
            case AT, SS, US, SL, UL, SV, UV -> INTEGER;
            case PN -> PERSON_NAME;
            case SQ -> SEQUENCE;
            case OB, OD, OF, OL, OV, OW, UN -> NOT_EXPORTED;
        };
    }
}
