package io.dicombq.domain.flatten;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;

import java.util.List;

/** The columns that do not come from one element: their names and definitions (BEHAVIOUR 3.5, 3.6, 3.9). */
public final class Columns {
    public static final String OTHER_ELEMENTS = "OtherElements";
    public static final String OTHER_TAG = "Tag";
    public static final String OTHER_DATA = "Data";
    public static final String DROPPED_TAGS = "DroppedTags";
    public static final String SOURCE_DICOM_STORE = "SourceDicomStore";

    public static final Column OTHER_ELEMENTS_COLUMN = Column.record(OTHER_ELEMENTS, Mode.REPEATED, List.of(
            Column.of(OTHER_TAG, ColumnType.STRING, Mode.NULLABLE),
            Column.of(OTHER_DATA, ColumnType.STRING, Mode.REPEATED)));
    public static final Column DROPPED_TAGS_COLUMN = Column.of(DROPPED_TAGS, ColumnType.STRING, Mode.REPEATED);
    public static final Column SOURCE_DICOM_STORE_COLUMN = Column.of(SOURCE_DICOM_STORE, ColumnType.STRING, Mode.NULLABLE);

    private Columns() {
    }
}
