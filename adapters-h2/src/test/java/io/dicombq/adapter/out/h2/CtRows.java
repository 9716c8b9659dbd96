package io.dicombq.adapter.out.h2;

import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows shaped like the flattened export of CT images (specification 3): UIDs, DATE/TIME, a PersonName RECORD,
 * REPEATED STRING ImageType, a REPEATED RECORD sequence with a nested sequence, and private elements. Values
 * follow the pydicom corpus file CT_small.dcm.
 */
public final class CtRows {
    private CtRows() {
    }

    public static Column personName(String name) {
        List<Column> groups = new ArrayList<>();
        for (String group : List.of("Alphabetic", "Ideographic", "Phonetic")) {
            List<Column> parts = new ArrayList<>();
            for (String part : List.of("FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix")) {
                parts.add(Column.of(part, ColumnType.STRING, Mode.NULLABLE));
            }
            groups.add(Column.record(group, Mode.NULLABLE, parts));
        }
        return Column.record(name, Mode.NULLABLE, groups);
    }

    public static TableSchema schema() {
        return TableSchema.of(
                Column.of("StudyInstanceUID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("SeriesInstanceUID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("SOPInstanceUID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("SOPClassUID", ColumnType.STRING, Mode.NULLABLE),
                Column.of("PatientID", ColumnType.STRING, Mode.NULLABLE),
                personName("PatientName"),
                Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE),
                Column.of("StudyTime", ColumnType.TIME, Mode.NULLABLE),
                Column.of("Modality", ColumnType.STRING, Mode.NULLABLE),
                Column.of("ImageType", ColumnType.STRING, Mode.REPEATED),
                Column.of("PixelSpacing", ColumnType.STRING, Mode.REPEATED),
                Column.of("SliceThickness", ColumnType.STRING, Mode.NULLABLE),
                Column.of("KVP", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Rows", ColumnType.INTEGER, Mode.NULLABLE),
                Column.of("Columns", ColumnType.INTEGER, Mode.NULLABLE),
                Column.of("InstanceNumber", ColumnType.STRING, Mode.NULLABLE),
                Column.of("ImagePositionPatient", ColumnType.STRING, Mode.REPEATED),
                Column.of("ImageOrientationPatient", ColumnType.STRING, Mode.REPEATED),
                Column.of("WindowCenter", ColumnType.STRING, Mode.REPEATED),
                Column.of("RescaleSlope", ColumnType.STRING, Mode.NULLABLE),
                Column.of("RescaleIntercept", ColumnType.STRING, Mode.NULLABLE),
                Column.record("ProcedureCodeSequence", Mode.REPEATED, List.of(
                        Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE),
                        Column.of("CodingSchemeDesignator", ColumnType.STRING, Mode.NULLABLE),
                        Column.of("CodeMeaning", ColumnType.STRING, Mode.NULLABLE),
                        Column.record("ModifierSequence", Mode.REPEATED, List.of(
                                Column.of("CodeValue", ColumnType.STRING, Mode.NULLABLE))))),
                Column.record("OtherElements", Mode.REPEATED, List.of(
                        Column.of("Tag", ColumnType.STRING, Mode.NULLABLE),
                        Column.of("Data", ColumnType.STRING, Mode.REPEATED))),
                Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));
    }

    public static Row name(String family, String given) {
        Map<String, Object> alphabetic = new LinkedHashMap<>();
        alphabetic.put("FamilyName", family);
        if (given != null) {
            alphabetic.put("GivenName", given);
        }
        return Row.of(Map.of("Alphabetic", Row.of(alphabetic)));
    }

    /** One CT instance; {@code patient}, {@code study}, {@code series} and {@code instance} number the UIDs. */
    public static Row instance(int patient, int study, int series, int instance) {
        String studyUid = "1.3.6.1.4.1.5962.1.2." + patient + "." + study;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("StudyInstanceUID", studyUid);
        v.put("SeriesInstanceUID", studyUid + "." + series);
        v.put("SOPInstanceUID", studyUid + "." + series + "." + instance);
        v.put("SOPClassUID", "1.2.840.10008.5.1.4.1.1.2");
        v.put("PatientID", String.valueOf(1000 + patient));
        v.put("PatientName", name("CompressedSamples" + patient, "CT1"));
        v.put("StudyDate", LocalDate.of(2004, 1, 19).plusDays(patient * 7L + study));
        v.put("StudyTime", LocalTime.of(7, 20, 48).plusMinutes(study));
        v.put("Modality", "CT");
        v.put("ImageType", List.of("ORIGINAL", "PRIMARY", "AXIAL"));
        v.put("PixelSpacing", List.of("0.661468", "0.661468"));
        v.put("SliceThickness", "5.000000");
        v.put("KVP", "120");
        v.put("Rows", 128L);
        v.put("Columns", 128L);
        v.put("InstanceNumber", String.valueOf(instance));
        v.put("ImagePositionPatient", List.of("-158.135803", "-179.035797", String.valueOf(-75.7 + instance * 5)));
        v.put("ImageOrientationPatient", List.of("1.000000", "0.000000", "0.000000", "0.000000", "1.000000", "0.000000"));
        v.put("WindowCenter", List.of("40"));
        v.put("RescaleSlope", "1");
        v.put("RescaleIntercept", "-1024");
        v.put("ProcedureCodeSequence", List.of(Row.of(Map.of("CodeValue", "CTCHEST", "CodingSchemeDesignator", "L",
                "CodeMeaning", "CT Chest", "ModifierSequence", List.of(Row.of(Map.of("CodeValue", "W")))))));
        v.put("OtherElements", List.of(
                Row.of(Map.of("Tag", "Tag_00091001", "Data", List.of("GEMS_IDEN_01"))),
                Row.of(Map.of("Tag", "Tag_00431028", "Data", List.of("AAECAw==")))));
        v.put("DroppedTags", List.of());
        return Row.of(v);
    }
}
