package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.DroppedTags;
import io.dicombq.domain.schema.Mode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The columns that do not come from one element: their names and definitions (specification 3.5, 3.6, 3.9). */
public final class Columns {
    public static final String OTHER_ELEMENTS = "OtherElements";
    public static final String OTHER_TAG = "Tag";
    public static final String OTHER_DATA = "Data";
    public static final String DROPPED_TAGS = DroppedTags.COLUMN;
    public static final String SOURCE_DICOM_STORE = "SourceDicomStore";
    public static final String TYPE = "Type";
    public static final String LAST_UPDATED = "LastUpdated";
    public static final String STORAGE_CLASS = "StorageClass";
    public static final String BLOB_STORAGE_SIZE = "BlobStorageSize";
    /** specification 3.1: a repeating group's entry: the group as four hex digits, and the element's value. */
    public static final String GROUP_ID = "Id";
    public static final String GROUP_VALUE = "Value";

    /** Local stores have one storage class (the Healthcare API's default is STANDARD). */
    public static final String STORAGE_CLASS_STANDARD = "STANDARD";
    /** Every exported row records an insertion of the instance. */
    public static final String TYPE_INSERT = "INSERT";

    public static final Column OTHER_ELEMENTS_COLUMN = Column.record(OTHER_ELEMENTS, Mode.REPEATED, List.of(
            Column.of(OTHER_TAG, ColumnType.STRING, Mode.NULLABLE),
            Column.of(OTHER_DATA, ColumnType.STRING, Mode.REPEATED)));
    public static final Column DROPPED_TAGS_COLUMN = DroppedTags.RECORD_COLUMN;
    public static final Column SOURCE_DICOM_STORE_COLUMN = Column.of(SOURCE_DICOM_STORE, ColumnType.STRING, Mode.NULLABLE);
    public static final Column TYPE_COLUMN = Column.of(TYPE, ColumnType.STRING, Mode.NULLABLE);
    public static final Column LAST_UPDATED_COLUMN = Column.of(LAST_UPDATED, ColumnType.TIMESTAMP, Mode.NULLABLE);
    public static final Column STORAGE_CLASS_COLUMN = Column.of(STORAGE_CLASS, ColumnType.STRING, Mode.NULLABLE);
    public static final Column BLOB_STORAGE_SIZE_COLUMN = Column.of(BLOB_STORAGE_SIZE, ColumnType.INTEGER, Mode.NULLABLE);
    /** specification 3.6: the operational columns, in the order of Google's table, after DroppedTags. */
    public static final List<Column> OPERATIONAL = List.of(TYPE_COLUMN, LAST_UPDATED_COLUMN, STORAGE_CLASS_COLUMN,
            BLOB_STORAGE_SIZE_COLUMN);

    private Columns() {
    }

    /**
     * specification 3.6: the operational values of one instance: INSERT, when the store last changed it (null when
     * unknown), STANDARD, and its size in bytes (NULL when the store does not tell it, as DICOMweb does not).
     */
    static void putOperational(Map<String, Object> values, DicomInstance instance, Instant lastUpdated) {
        values.put(TYPE, TYPE_INSERT);
        if (lastUpdated != null) {
            values.put(LAST_UPDATED, lastUpdated);
        }
        values.put(STORAGE_CLASS, STORAGE_CLASS_STANDARD);
        if (instance.sizeBytes() >= 0) {
            values.put(BLOB_STORAGE_SIZE, instance.sizeBytes());
        }
    }

    /** A repeating group's column: REPEATED RECORD of Id and Value (REPEATED when the element's VM is not 1). */
    static Column repeatingGroup(String name, ColumnType type, Mode valueMode) {
        return Column.record(name, Mode.REPEATED, List.of(
                Column.of(GROUP_ID, ColumnType.STRING, Mode.NULLABLE),
                Column.of(GROUP_VALUE, type, valueMode)));
    }
}
