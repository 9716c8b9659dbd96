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
 * A full flattened row of pydicom's CT_small.dcm, the benchmarks' "typical CT row": its 76 public elements as
 * columns (values as the file has them) and its 179 private elements in OtherElements (specification 3.5), with
 * UIDs numbered per patient, study, series and instance.
 */
public final class CtSmallRows {
    /** Keyword, VR, "1" or "R" (repeated), value ("\\"-separated when repeated, empty when absent). */
    private static final String[][] PUBLIC = {
            {"SpecificCharacterSet", "CS", "1", "ISO_IR 100"},
            {"ImageType", "CS", "R", "ORIGINAL\\PRIMARY\\AXIAL"},
            {"InstanceCreationDate", "DA", "1", "20040119"},
            {"InstanceCreationTime", "TM", "1", "072731"},
            {"InstanceCreatorUID", "UI", "1", "1.3.6.1.4.1.5962.3"},
            {"SOPClassUID", "UI", "1", "1.2.840.10008.5.1.4.1.1.2"},
            {"SOPInstanceUID", "UI", "1", "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322"},
            {"StudyDate", "DA", "1", "20040119"},
            {"SeriesDate", "DA", "1", "19970430"},
            {"AcquisitionDate", "DA", "1", "19970430"},
            {"ContentDate", "DA", "1", "19970430"},
            {"StudyTime", "TM", "1", "072730"},
            {"SeriesTime", "TM", "1", "112749"},
            {"AcquisitionTime", "TM", "1", "112936"},
            {"ContentTime", "TM", "1", "113008"},
            {"AccessionNumber", "SH", "1", ""},
            {"Modality", "CS", "1", "CT"},
            {"Manufacturer", "LO", "1", "GE MEDICAL SYSTEMS"},
            {"InstitutionName", "LO", "1", "JFK IMAGING CENTER"},
            {"ReferringPhysicianName", "PN", "1", ""},
            {"TimezoneOffsetFromUTC", "SH", "1", "-0500"},
            {"StationName", "SH", "1", "CT01_OC0"},
            {"StudyDescription", "LO", "1", "e+1"},
            {"ManufacturerModelName", "LO", "1", "RHAPSODE"},
            {"PatientName", "PN", "1", "CompressedSamples^CT1"},
            {"PatientID", "LO", "1", "1CT1"},
            {"PatientBirthDate", "DA", "1", ""},
            {"PatientSex", "CS", "1", "O"},
            {"PatientAge", "AS", "1", "000Y"},
            {"PatientWeight", "DS", "1", "0.000000"},
            {"AdditionalPatientHistory", "LT", "1", ""},
            {"ContrastBolusAgent", "LO", "1", "ISOVUE300/100"},
            {"ScanOptions", "CS", "1", "HELICAL MODE"},
            {"SliceThickness", "DS", "1", "5.000000"},
            {"KVP", "DS", "1", "120"},
            {"SpacingBetweenSlices", "DS", "1", "5.000000"},
            {"DataCollectionDiameter", "DS", "1", "480.000000"},
            {"SoftwareVersions", "LO", "1", "05"},
            {"ContrastBolusRoute", "LO", "1", "IV"},
            {"ReconstructionDiameter", "DS", "1", "338.671600"},
            {"DistanceSourceToDetector", "DS", "1", "1099.3100585938"},
            {"DistanceSourceToPatient", "DS", "1", "630.000000"},
            {"GantryDetectorTilt", "DS", "1", "0.000000"},
            {"TableHeight", "DS", "1", "133.699997"},
            {"ExposureTime", "IS", "1", "1601"},
            {"XRayTubeCurrent", "IS", "1", "170"},
            {"Exposure", "IS", "1", "170"},
            {"FilterType", "SH", "1", "LARGE BOWTIE FIL"},
            {"FocalSpots", "DS", "1", "0.700000"},
            {"ConvolutionKernel", "SH", "1", "STANDARD"},
            {"PatientPosition", "CS", "1", "FFS"},
            {"StudyInstanceUID", "UI", "1", "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"},
            {"SeriesInstanceUID", "UI", "1", "1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322"},
            {"StudyID", "SH", "1", "1CT1"},
            {"SeriesNumber", "IS", "1", "1"},
            {"AcquisitionNumber", "IS", "1", "2"},
            {"InstanceNumber", "IS", "1", "1"},
            {"ImagePositionPatient", "DS", "R", "-158.135803\\-179.035797\\-75.699997"},
            {"ImageOrientationPatient", "DS", "R", "1.000000\\0.000000\\0.000000\\0.000000\\1.000000\\0.000000"},
            {"FrameOfReferenceUID", "UI", "1", "1.3.6.1.4.1.5962.1.4.1.1.20040119072730.12322"},
            {"Laterality", "CS", "1", ""},
            {"PositionReferenceIndicator", "LO", "1", "SN"},
            {"SliceLocation", "DS", "1", "-77.2040634155"},
            {"ImageComments", "LT", "1", "Uncompressed"},
            {"SamplesPerPixel", "US", "1", "1"},
            {"PhotometricInterpretation", "CS", "1", "MONOCHROME2"},
            {"Rows", "US", "1", "128"},
            {"Columns", "US", "1", "128"},
            {"PixelSpacing", "DS", "R", "0.661468\\0.661468"},
            {"BitsAllocated", "US", "1", "16"},
            {"BitsStored", "US", "1", "16"},
            {"HighBit", "US", "1", "15"},
            {"PixelRepresentation", "US", "1", "1"},
            {"PixelPaddingValue", "SS", "1", "-2000"},
            {"RescaleIntercept", "DS", "1", "-1024"},
            {"RescaleSlope", "DS", "1", "1"},
    };
    /** Private elements: tag column name and the first bytes of their value. */
    private static final String[][] PRIVATE = {
            {"Tag_00090010", "GEMS_IDEN_01"},
            {"Tag_00091001", "GE_GENESIS_FF"},
            {"Tag_00091002", "CT01"},
            {"Tag_00091004", "HiSpeed CT/i"},
            {"Tag_00091027", "862399669"},
            {"Tag_00091030", ""},
            {"Tag_00091031", ""},
            {"Tag_000910E6", "05"},
            {"Tag_000910E7", "973283917"},
            {"Tag_000910E9", "862399669"},
            {"Tag_00110010", "GEMS_PATI_01"},
            {"Tag_00111010", "0"},
            {"Tag_00190010", "GEMS_ACQU_01"},
            {"Tag_00191002", "912"},
            {"Tag_00191003", "373.750000"},
            {"Tag_00191004", "1.016600"},
            {"Tag_0019100F", "955.799988"},
            {"Tag_00191011", "2"},
            {"Tag_00191013", "0"},
            {"Tag_00191014", "0"},
            {"Tag_00191015", "0"},
            {"Tag_00191016", "0"},
            {"Tag_00191017", "2"},
            {"Tag_00191018", "S"},
            {"Tag_00191019", "7.791870"},
            {"Tag_0019101A", "I"},
            {"Tag_0019101B", "-320.197968"},
            {"Tag_0019101E", "0.000000"},
            {"Tag_00191023", "5.000000"},
            {"Tag_00191024", "17.784578"},
            {"Tag_00191025", "1"},
            {"Tag_00191026", "0"},
            {"Tag_00191027", "1.000000"},
            {"Tag_0019102A", "178.079926"},
            {"Tag_0019102B", "3994.299316"},
            {"Tag_0019102C", "10431"},
            {"Tag_0019102E", "-718.079956"},
            {"Tag_0019102F", "984.000000"},
            {"Tag_00191039", "16"},
            {"Tag_00191040", "0"},
            {"Tag_00191041", "1"},
            {"Tag_00191042", "0"},
            {"Tag_00191043", "0"},
            {"Tag_00191044", "1.000000"},
            {"Tag_00191047", "1"},
            {"Tag_0019104A", "6"},
            {"Tag_0019104B", "10431"},
            {"Tag_00191052", "1"},
            {"Tag_00191057", "-95"},
            {"Tag_00191058", "0"},
            {"Tag_0019105E", "763"},
            {"Tag_0019105F", "1"},
            {"Tag_00191060", "1969"},
            {"Tag_00191061", "1576"},
            {"Tag_00191062", "1"},
            {"Tag_0019106A", "4"},
            {"Tag_0019106B", "852"},
            {"Tag_00191070", "1"},
            {"Tag_00191071", "0"},
            {"Tag_00191072", "0.000000"},
            {"Tag_00191073", "0.000000"},
            {"Tag_00191074", "0.000000"},
            {"Tag_00191075", "0.000000"},
            {"Tag_00191076", "0.000000"},
            {"Tag_001910DA", "0"},
            {"Tag_001910DB", "0.000000"},
            {"Tag_001910DC", "1"},
            {"Tag_001910DD", "1"},
            {"Tag_001910DE", "0.000000"},
            {"Tag_00210010", "GEMS_RELA_01"},
            {"Tag_00211003", "2"},
            {"Tag_00211005", "05"},
            {"Tag_00211007", "1605775145"},
            {"Tag_00211015", "24078"},
            {"Tag_00211016", "2"},
            {"Tag_00211018", "05"},
            {"Tag_00211019", "750675506"},
            {"Tag_00211037", "16"},
            {"Tag_0021104A", ""},
            {"Tag_00211090", "7400"},
            {"Tag_00211091", "0"},
            {"Tag_00211092", "0.0"},
            {"Tag_00211093", "0.0"},
            {"Tag_00230010", "GEMS_STDY_01"},
            {"Tag_00231070", "862399761.111079"},
            {"Tag_00231074", "1"},
            {"Tag_0023107D", "0"},
            {"Tag_00250010", "GEMS_SERS_01"},
            {"Tag_00251006", "0"},
            {"Tag_00251007", "44"},
            {"Tag_00251010", "0"},
            {"Tag_00251011", "0"},
            {"Tag_00251017", "0"},
            {"Tag_00251018", "0"},
            {"Tag_00251019", "4"},
            {"Tag_0025101A", ""},
            {"Tag_00270010", "GEMS_IMAG_01"},
            {"Tag_00271006", "1"},
            {"Tag_00271010", "0"},
            {"Tag_0027101C", "150"},
            {"Tag_0027101D", "1"},
            {"Tag_0027101E", "24"},
            {"Tag_0027101F", "129"},
            {"Tag_00271020", "1"},
            {"Tag_00271030", ""},
            {"Tag_00271035", "2"},
            {"Tag_00271040", "I"},
            {"Tag_00271041", "-77.20406341552734"},
            {"Tag_00271042", "-11.199999809265137"},
            {"Tag_00271043", "9.699999809265137"},
            {"Tag_00271044", "-75.69999694824219"},
            {"Tag_00271045", "0.0"},
            {"Tag_00271046", "0.0"},
            {"Tag_00271047", "-1.0"},
            {"Tag_00271048", "-180.53579711914062"},
            {"Tag_00271049", "179.03579711914062"},
            {"Tag_0027104A", "-75.69999694824219"},
            {"Tag_0027104B", "-180.53579711914062"},
            {"Tag_0027104C", "-159.63580322265625"},
            {"Tag_0027104D", "-75.69999694824219"},
            {"Tag_00271050", "-63.19999694824219"},
            {"Tag_00271051", "-116.20304870605469"},
            {"Tag_00271052", "L"},
            {"Tag_00271053", "A"},
            {"Tag_00271054", "I"},
            {"Tag_00271055", "I"},
            {"Tag_00290010", "GEMS_IMPS_01"},
            {"Tag_00291004", "0"},
            {"Tag_00291005", "0.000000"},
            {"Tag_00291006", "0.000000"},
            {"Tag_00291007", "87"},
            {"Tag_00291008", ""},
            {"Tag_00291009", ""},
            {"Tag_0029100A", "764"},
            {"Tag_00291026", "2"},
            {"Tag_00291034", "0"},
            {"Tag_00291035", "0"},
            {"Tag_00430010", "GEMS_PARM_01"},
            {"Tag_00431010", "400"},
            {"Tag_00431011", "10431"},
            {"Tag_00431012", "[14, 2, 3]"},
            {"Tag_00431013", "[107, 21, 4, 2, 20]"},
            {"Tag_00431014", "[4, 4, 5]"},
            {"Tag_00431015", "10431"},
            {"Tag_00431016", "0"},
            {"Tag_00431017", "0.095000"},
            {"Tag_00431018", "[0.085000, 1.102000, 0.095000]"},
            {"Tag_00431019", "350"},
            {"Tag_0043101A", "7"},
            {"Tag_0043101B", "[0, 0, 0, 0, 0]"},
            {"Tag_0043101C", "0"},
            {"Tag_0043101D", "40"},
            {"Tag_0043101E", "2.000000"},
            {"Tag_0043101F", "0"},
            {"Tag_00431020", "0.000000"},
            {"Tag_00431021", "0"},
            {"Tag_00431025", "[1, 2, 3, 748, 749, 750]"},
            {"Tag_00431026", "[0, 1, 1, 0, 0, 0]"},
            {"Tag_00431027", "/1.0:1"},
            {"Tag_00431028", "Q1QwMQAAAEhpU3BlZWQgQ1QvaQAwNTA1ejo9fAAA"},
            {"Tag_00431029", "AAAAAUPPUhQC1wAACOYAAAAAAAAAAAAAAAAAAAAA"},
            {"Tag_0043102A", "Q1QwMQAAAEhpU3BlZWQgQ1QvaQAwNTA1ejo9fAAA"},
            {"Tag_0043102B", "[4, 4, 0, 0]"},
            {"Tag_00431031", "[-11.200000, 9.700000]"},
            {"Tag_00431040", "178.07992553710938"},
            {"Tag_00431041", "3816.219482421875"},
            {"Tag_00431042", "0"},
            {"Tag_00431043", "0"},
            {"Tag_00431044", "1"},
            {"Tag_00431045", "1"},
            {"Tag_00431046", "3"},
            {"Tag_00431047", "-1"},
            {"Tag_00431048", "1"},
            {"Tag_00431049", "0"},
            {"Tag_0043104A", "1"},
            {"Tag_0043104B", "0"},
            {"Tag_0043104C", "0"},
            {"Tag_0043104D", "0.0"},
            {"Tag_0043104E", "10.60060977935791"},
    };

    private CtSmallRows() {
    }

    public static TableSchema schema() {
        List<Column> columns = new ArrayList<>();
        for (String[] element : PUBLIC) {
            if (element[1].equals("PN")) {
                columns.add(CtRows.personName(element[0]));
                continue;
            }
            columns.add(Column.of(element[0], type(element[1]), element[2].equals("R") ? Mode.REPEATED : Mode.NULLABLE));
        }
        columns.add(Column.record("OtherElements", Mode.REPEATED, List.of(
                Column.of("Tag", ColumnType.STRING, Mode.NULLABLE),
                Column.of("Data", ColumnType.STRING, Mode.REPEATED))));
        columns.add(Column.of("DroppedTags", ColumnType.STRING, Mode.REPEATED));
        return new TableSchema(columns);
    }

    public static Row instance(int patient, int study, int series, int instance) {
        String studyUid = "1.3.6.1.4.1.5962.1.2." + patient + "." + study;
        Map<String, Object> values = new LinkedHashMap<>();
        for (String[] element : PUBLIC) {
            if (element[3].isEmpty()) {
                continue;
            }
            values.put(element[0], value(element));
        }
        values.put("PatientID", "P" + patient);
        values.put("StudyInstanceUID", studyUid);
        values.put("SeriesInstanceUID", studyUid + "." + series);
        values.put("SOPInstanceUID", studyUid + "." + series + "." + instance);
        values.put("InstanceNumber", String.valueOf(instance));
        values.put("StudyDate", LocalDate.of(2004, 1, 19).minusDays(patient * 3L + study));
        List<Row> others = new ArrayList<>();
        for (String[] element : PRIVATE) {
            others.add(Row.of(Map.of("Tag", element[0], "Data", List.of(element[1]))));
        }
        values.put("OtherElements", others);
        values.put("DroppedTags", List.of("PixelData"));
        return Row.of(values);
    }

    private static Object value(String[] element) {
        if (element[2].equals("R")) {
            return List.of(element[3].split("\\\\"));
        }
        switch (element[1]) {
            case "DA":
                String d = element[3];
                return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)), Integer.parseInt(d.substring(6, 8)));
            case "TM":
                String t = element[3];
                return LocalTime.of(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2, 4)), Integer.parseInt(t.substring(4, 6)));
            case "US":
            case "SS":
                return Long.parseLong(element[3]);
            case "PN":
                String[] parts = element[3].split("\\^");
                return CtRows.name(parts[0], parts.length > 1 ? parts[1] : null);
            default:
                return element[3];
        }
    }

    private static ColumnType type(String vr) {
        switch (vr) {
            case "DA":
                return ColumnType.DATE;
            case "TM":
                return ColumnType.TIME;
            case "US":
            case "SS":
                return ColumnType.INTEGER;
            default:
                return ColumnType.STRING;
        }
    }
}
