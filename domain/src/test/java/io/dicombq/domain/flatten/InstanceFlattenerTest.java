package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import io.dicombq.domain.schema.Column;
import io.dicombq.domain.schema.ColumnType;
import io.dicombq.domain.schema.DroppedTags;
import io.dicombq.domain.schema.Mode;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.RowJson;
import io.dicombq.domain.schema.SchemaJson;
import io.dicombq.domain.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static io.dicombq.domain.flatten.Elements.bytes;
import static io.dicombq.domain.flatten.Elements.floats;
import static io.dicombq.domain.flatten.Elements.instance;
import static io.dicombq.domain.flatten.Elements.ints;
import static io.dicombq.domain.flatten.Elements.item;
import static io.dicombq.domain.flatten.Elements.sequence;
import static io.dicombq.domain.flatten.Elements.text;
import static org.assertj.core.api.Assertions.assertThat;

class InstanceFlattenerTest {
    private final InstanceFlattener flattener = InstanceFlattener.standard();

    private FlattenedInstance flatten(DicomInstance instance) {
        return flattener.flatten(instance, FlattenOptions.flattened());
    }

    @Test
    void namesColumnsByKeywordIncludingFileMetaAndListsPixelDataButNotGroupLengthsInDroppedTags() {
        DicomInstance instance = new DicomInstance("a.dcm",
                DicomDataset.of(ints(0x00020000, Vr.UL, 200), text(0x00020010, Vr.UI, "1.2.840.10008.1.2.1")),
                DicomDataset.of(ints(0x00080000, Vr.UL, 10), text(0x00080060, Vr.CS, "CT"),
                        new DataElement(Tag.PIXEL_DATA, Vr.OW, new Value.Bulk(1000, 512)),
                        bytes(0x7FE00001, Vr.OV, new byte[8])),
                2000);

        FlattenedInstance flat = flatten(instance);

        assertThat(names(flat.schema())).containsExactly("TransferSyntaxUID", "Modality", "DroppedTags", "Type", "LastUpdated", "StorageClass", "BlobStorageSize");
        assertThat(flat.row().get("TransferSyntaxUID")).isEqualTo("1.2.840.10008.1.2.1");
        // specification 3.2: pixel data is not exported, so it is listed; group lengths are not elements
        assertThat(flat.row().get("DroppedTags")).isEqualTo(List.of(
                DroppedTags.entry("ExtendedOffsetTable", "7FE00001"), DroppedTags.entry("PixelData", "7FE00010")));
        assertThat(flat.row().get("Type")).isEqualTo("INSERT");
        assertThat(flat.row().get("StorageClass")).isEqualTo("STANDARD");
        assertThat(flat.row().get("BlobStorageSize")).isEqualTo(2000L);
        assertThat(flat.row().get("LastUpdated")).as("the instance has no modification time").isNull();
    }

    @Test
    void listsPixelDataTheReaderStoppedAtAndTakesLastUpdatedFromTheStore() {
        Instant modified = Instant.parse("2025-01-02T03:04:05Z");
        DicomInstance instance = instance(text(0x00080060, Vr.CS, "CT")).withLastModified(modified)
                .withUnreadPixelData(Tag.PIXEL_DATA);
        FlattenedInstance flat = flatten(instance);
        assertThat(flat.row().get("DroppedTags")).isEqualTo(List.of(DroppedTags.entry("PixelData", "7FE00010")));
        assertThat(flat.row().get("LastUpdated")).isEqualTo(modified);
        assertThat(flattener.flatten(instance, FlattenOptions.flattened(), Instant.EPOCH).row().get("LastUpdated"))
                .isEqualTo(Instant.EPOCH);
    }

    @Test
    void mapsEachVrToItsColumnTypeAndTheDictionaryVmToTheMode() {
        FlattenedInstance flat = flatten(instance(
                text(0x00080008, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL"),
                text(0x00080020, Vr.DA, "20240315"),
                text(0x00080030, Vr.TM, "1030"),
                text(0x00080119, Vr.UC, "long code"),
                ints(0x00180050 - 0x50 + 0x6020, Vr.SL, -7),
                floats(0x00089459, Vr.FL, 0.5),
                text(0x00101030, Vr.DS, " 72.50 "),
                text(0x00180050, Vr.DS, "1.25"),
                floats(0x00189087, Vr.FD, 1000.0),
                text(0x00200013, Vr.IS, "+12"),
                ints(0x00280009, Vr.AT, 0x00181063L, 0x00181065L),
                ints(0x00280010, Vr.US, 512),
                text(0x00280030, Vr.DS, "0.5", "0.6"),
                ints(0x00720082, Vr.SV, -1L, Long.MIN_VALUE),
                ints(0x00720083, Vr.UV, 5L)));

        TableSchema schema = flat.schema();
        assertThat(schema.column("ImageType")).isEqualTo(Column.of("ImageType", ColumnType.STRING, Mode.REPEATED));
        assertThat(schema.column("StudyDate")).isEqualTo(Column.of("StudyDate", ColumnType.DATE, Mode.NULLABLE));
        assertThat(schema.column("StudyTime").type()).isEqualTo(ColumnType.TIME);
        assertThat(schema.column("ReferencePixelX0").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(schema.column("RecommendedDisplayFrameRateInFloat").type()).isEqualTo(ColumnType.FLOAT);
        assertThat(schema.column("SliceThickness")).isEqualTo(Column.of("SliceThickness", ColumnType.STRING, Mode.NULLABLE));
        assertThat(schema.column("DiffusionBValue").type()).isEqualTo(ColumnType.FLOAT);
        assertThat(schema.column("FrameIncrementPointer")).isEqualTo(Column.of("FrameIncrementPointer", ColumnType.INTEGER, Mode.REPEATED));
        assertThat(schema.column("PixelSpacing").mode()).isEqualTo(Mode.REPEATED);
        assertThat(schema.column("SelectorUVValue").type()).isEqualTo(ColumnType.INTEGER);

        Row row = flat.row();
        assertThat(row.get("ImageType")).isEqualTo(List.of("ORIGINAL", "PRIMARY", "AXIAL"));
        assertThat(row.get("StudyDate")).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(row.get("StudyTime")).isEqualTo(LocalTime.of(10, 30));
        assertThat(row.get("ReferencePixelX0")).isEqualTo(-7L);
        assertThat(row.get("RecommendedDisplayFrameRateInFloat")).isEqualTo(0.5);
        assertThat(row.get("PatientWeight")).as("DS is a string, stripped of its spaces").isEqualTo("72.50");
        assertThat(row.get("InstanceNumber")).as("IS stays as encoded").isEqualTo("+12");
        assertThat(row.get("FrameIncrementPointer")).isEqualTo(List.of(0x00181063L, 0x00181065L));
        assertThat(row.get("Rows")).isEqualTo(512L);
        assertThat(row.get("PixelSpacing")).isEqualTo(List.of("0.5", "0.6"));
        assertThat(row.get("SelectorSVValue")).isEqualTo(List.of(-1L, Long.MIN_VALUE));
        assertThat(flat.droppedTags()).isEmpty();
    }

    @Test
    void splitsPersonNamesIntoThreeGroupsOfFiveComponentsWithAllLeavesInTheSchema() {
        FlattenedInstance flat = flatten(instance(
                text(0x00100010, Vr.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう"),
                text(0x00101001, Vr.PN, "Doe^John^Q^Dr^Jr", "=Smith")));

        Column patientName = flat.schema().column("PatientName");
        assertThat(patientName.mode()).isEqualTo(Mode.NULLABLE);
        assertThat(patientName.fields()).extracting(Column::name).containsExactly("Alphabetic", "Ideographic", "Phonetic");
        assertThat(patientName.fields()).allSatisfy(group -> assertThat(group.fields()).extracting(Column::name)
                .containsExactly("FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"));
        assertThat(flat.schema().column("OtherPatientNames").mode()).isEqualTo(Mode.REPEATED);

        assertThat(RowJson.write((Row) flat.row().get("PatientName"))).isEqualTo(
                "{\"Alphabetic\":{\"FamilyName\":\"Yamada\",\"GivenName\":\"Tarou\"},"
                        + "\"Ideographic\":{\"FamilyName\":\"山田\",\"GivenName\":\"太郎\"},"
                        + "\"Phonetic\":{\"FamilyName\":\"やまだ\",\"GivenName\":\"たろう\"}}");
        List<?> others = (List<?>) flat.row().get("OtherPatientNames");
        assertThat(RowJson.write((Row) others.get(0))).isEqualTo("{\"Alphabetic\":{\"FamilyName\":\"Doe\",\"GivenName\":\"John\","
                + "\"MiddleName\":\"Q\",\"NamePrefix\":\"Dr\",\"NameSuffix\":\"Jr\"}}");
        assertThat(RowJson.write((Row) others.get(1))).isEqualTo("{\"Ideographic\":{\"FamilyName\":\"Smith\"}}");
    }

    @Test
    void dropsAPersonNameWithTooManyComponents() {
        FlattenedInstance flat = flatten(instance(text(0x00100010, Vr.PN, "a^b^c^d^e^f")));
        assertThat(flat.row().get("PatientName")).isNull();
        assertThat(flat.droppedTags()).containsExactly("PatientName");
    }

    @Test
    void putsPrivateElementsInOtherElementsAndPrivateSequencesInTagColumns() {
        FlattenedInstance flat = flatten(instance(
                text(0x00090010, Vr.LO, "ACME 1.0"),
                text(0x00091001, Vr.LO, "first", "second"),
                ints(0x00091002, Vr.UL, 0xFFFFFFFFL),
                floats(0x00091003, Vr.FD, 0.25, 1e-7),
                bytes(0x00091004, Vr.OB, (byte) 1, (byte) 2, (byte) 3),
                text(0x00091005, Vr.SH),
                sequence(0x00091006, item(text(0x00080100, Vr.SH, "CODE"), text(0x00091007 - 0x0000, Vr.LO, "inner")))));

        assertThat(flat.schema().column("OtherElements")).isEqualTo(Columns.OTHER_ELEMENTS_COLUMN);
        assertThat(RowJson.write(new Row(java.util.Map.of("o", flat.row().get("OtherElements"))))).isEqualTo("{\"o\":["
                + "{\"Tag\":\"Tag_00090010\",\"Data\":[\"ACME 1.0\"]},"
                + "{\"Tag\":\"Tag_00091001\",\"Data\":[\"first\",\"second\"]},"
                + "{\"Tag\":\"Tag_00091002\",\"Data\":[\"4294967295\"]},"
                + "{\"Tag\":\"Tag_00091003\",\"Data\":[\"0.25\",\"0.0000001\"]},"
                + "{\"Tag\":\"Tag_00091004\",\"Data\":[\"AQID\"]},"
                + "{\"Tag\":\"Tag_00091005\"}]}");
        Column privateSequence = flat.schema().column("Tag_00091006");
        assertThat(privateSequence.mode()).isEqualTo(Mode.REPEATED);
        assertThat(privateSequence.fields()).extracting(Column::name).containsExactly("CodeValue", "OtherElements");
        assertThat(RowJson.write(new Row(java.util.Map.of("s", flat.row().get("Tag_00091006"))))).isEqualTo(
                "{\"s\":[{\"CodeValue\":\"CODE\",\"OtherElements\":[{\"Tag\":\"Tag_00091007\",\"Data\":[\"inner\"]}]}]}");
        assertThat(flat.droppedTags()).isEmpty();
    }

    @Test
    void convertsDateTimesWithTheirOffsetElseTimezoneOffsetFromUtc() {
        FlattenedInstance flat = flatten(instance(
                text(0x0008002A, Vr.DT, "20240315103000"),
                text(0x00080201, Vr.SH, "+0100"),
                sequence(0x00081140, item(text(0x0008002A, Vr.DT, "20240315103000.25-0500")))));

        assertThat(flat.row().get("AcquisitionDateTime")).isEqualTo(Instant.parse("2024-03-15T09:30:00Z"));
        Row item = (Row) ((List<?>) flat.row().get("ReferencedImageSequence")).get(0);
        assertThat(item.get("AcquisitionDateTime")).isEqualTo(Instant.parse("2024-03-15T15:30:00.25Z"));
    }

    @Test
    void listsUnsupportedAndUnconvertibleElementsInDroppedTagsWithDottedPaths() {
        FlattenedInstance flat = flatten(new DicomInstance("a.dcm",
                DicomDataset.of(bytes(0x00020001, Vr.OB, (byte) 0, (byte) 1)),
                DicomDataset.of(
                        text(0x00080020, Vr.DA, "20230229"),
                        ints(0x00720083, Vr.UV, -1L),
                        bytes(0x00281201, Vr.OW, (byte) 0, (byte) 0),
                        sequence(0x0040A730, item(
                                sequence(0x0040A043, item(text(0x00080104, Vr.LO, "ok"))),
                                text(0x00080023, Vr.DA, "notadate")),
                                item(text(0x00080023, Vr.DA, "bad")))),
                0));

        assertThat(flat.droppedTags()).containsExactly("FileMetaInformationVersion", "StudyDate",
                "RedPaletteColorLookupTableData", "ContentSequence.ContentDate", "ContentSequence.ContentDate",
                "SelectorUVValue");
        // specification 3.6: TagReference is the same path in tags, with item numbers: one entry per place
        assertThat(((List<?>) flat.row().get("DroppedTags")).stream().map(entry -> ((Row) entry).get("TagReference")))
                .containsExactly("00020001", "00080020", "00281201", "0040A730[0].00080023", "0040A730[1].00080023",
                        "00720083");
        assertThat(flat.row().get("StudyDate")).isNull();
        assertThat(flat.schema().column("StudyDate").type()).as("the column stays").isEqualTo(ColumnType.DATE);
        assertThat(flat.row().get("SelectorUVValue")).isEqualTo(List.of());
        assertThat(flat.schema().column("FileMetaInformationVersion")).isNull();
    }

    @Test
    void keepsFifteenLevelsOfRecordAndDropsDeeperElementsCountingPersonNameAsTwo() {
        DicomDataset innermost = item(text(0x00080104, Vr.LO, "deep"), text(0x00100010, Vr.PN, "Deep^Name"),
                text(0x00090010, Vr.LO, "ACME"), sequence(0x0040A730, item(text(0x00080104, Vr.LO, "too deep"))));
        DicomDataset current = innermost;
        for (int level = 0; level < 14; level++) {
            current = item(sequence(0x0040A730, current));
        }
        // 15 nested ContentSequence columns; the PN in the 15th level would need 17, OtherElements 16
        FlattenedInstance flat = flatten(instance(sequence(0x0040A730, current)));

        String prefix = "ContentSequence.".repeat(15);
        assertThat(flat.droppedTags()).containsExactly(prefix + "Tag_00090010", prefix + "PatientName", prefix + "ContentSequence");
        assertThat(io.dicombq.domain.schema.SchemaLimits.recordDepth(flat.schema().columns())).isEqualTo(15);

        // 13 levels of sequence leave room for a PN's 2
        DicomDataset shallower = item(text(0x00100010, Vr.PN, "Deep^Name"));
        for (int level = 0; level < 12; level++) {
            shallower = item(sequence(0x0040A730, shallower));
        }
        FlattenedInstance fits = flatten(instance(sequence(0x0040A730, shallower)));
        assertThat(fits.droppedTags()).isEmpty();
        assertThat(io.dicombq.domain.schema.SchemaLimits.recordDepth(fits.schema().columns())).isEqualTo(15);
    }

    @Test
    void givesZeroLengthValuesNullOrAnEmptyArray() {
        FlattenedInstance flat = flatten(instance(
                text(0x00080008, Vr.CS), text(0x00080020, Vr.DA), text(0x00100010, Vr.PN),
                text(0x00104000, Vr.LT, ""), ints(0x00280010, Vr.US), new DataElement(new Tag(0x00081140), Vr.SQ,
                        new Value.Items(List.of()))));

        assertThat(flat.row().get("ImageType")).isEqualTo(List.of());
        assertThat(flat.row().get("StudyDate")).isNull();
        assertThat(flat.row().get("PatientName")).isNull();
        assertThat(flat.row().get("PatientComments")).isNull();
        assertThat(flat.row().get("Rows")).isNull();
        assertThat(flat.row().get("ReferencedImageSequence")).isEqualTo(List.of());
        assertThat(names(flat.schema())).containsExactly("ImageType", "StudyDate", "PatientName", "PatientComments",
                "Rows", "DroppedTags", "Type", "LastUpdated", "StorageClass", "BlobStorageSize");
        assertThat(flat.droppedTags()).isEmpty();
    }

    @Test
    void addsSourceDicomStoreOnlyWhenAsked() {
        String store = "projects/p/locations/l/datasets/d/dicomStores/s";
        FlattenedInstance with = flattener.flatten(instance(text(0x00080060, Vr.CS, "CT")),
                FlattenOptions.flattened().withSourceStore(store));
        assertThat(with.row().get("SourceDicomStore")).isEqualTo(store);
        assertThat(names(with.schema())).containsExactly("Modality", "DroppedTags", "Type", "LastUpdated", "StorageClass", "BlobStorageSize", "SourceDicomStore");
        assertThat(flatten(instance(text(0x00080060, Vr.CS, "CT"))).schema().column("SourceDicomStore")).isNull();
    }

    @Test
    void keepsTheDictionaryTypeWhenTheFileContradictsIt() {
        FlattenedInstance flat = flatten(instance(
                floats(0x00180050, Vr.FD, 1.5),
                text(0x00280010, Vr.IS, "256"),
                text(0x00080020, Vr.LO, "19990101"),
                text(0x00080023, Vr.LO, "yesterday"),
                new DataElement(new Tag(0x00280011), Vr.UN, new Value.Bytes(new byte[]{0, 2}, false)),
                new DataElement(new Tag(0x00080060), Vr.UN, new Value.Bytes("MR".getBytes(), false))));

        assertThat(flat.schema().column("SliceThickness").type()).isEqualTo(ColumnType.STRING);
        assertThat(flat.row().get("SliceThickness")).isEqualTo("1.5");
        assertThat(flat.row().get("Rows")).isEqualTo(256L);
        assertThat(flat.row().get("StudyDate")).isEqualTo(LocalDate.of(1999, 1, 1));
        assertThat(flat.row().get("Columns")).as("UN re-read as US").isEqualTo(512L);
        assertThat(flat.row().get("Modality")).as("UN re-read as CS").isEqualTo("MR");
        assertThat(flat.droppedTags()).containsExactly("ContentDate");
    }

    @Test
    void writesRepeatingGroupsAsOneRecordOfIdAndValuePerGroup() {
        FlattenedInstance flat = flatten(instance(ints(0x60000010, Vr.US, 10), ints(0x60000050, Vr.SS),
                ints(0x60020010, Vr.US, 20), ints(0x60020050, Vr.SS, 1, 2), text(0x00180061, Vr.DS, "3"),
                ints(0x50000005, Vr.US, 2)));
        // specification 3.1: REPEATED RECORD of Id (the group) and Value (REPEATED when the VM is not 1)
        assertThat(flat.row().get("OverlayRows")).isEqualTo(List.of(group("6000", 10L), group("6002", 20L)));
        assertThat(flat.row().get("OverlayOrigin")).isEqualTo(List.of(group("6000", List.of()), group("6002", List.of(1L, 2L))));
        assertThat(flat.schema().column("OverlayRows")).isEqualTo(Column.record("OverlayRows", Mode.REPEATED, List.of(
                Column.of("Id", ColumnType.STRING, Mode.NULLABLE), Column.of("Value", ColumnType.INTEGER, Mode.NULLABLE))));
        assertThat(flat.schema().column("OverlayOrigin").field("Value").mode()).isEqualTo(Mode.REPEATED);
        assertThat(flat.schema().column("Tag_60020010")).isNull();
        assertThat(flat.row().get("Tag_00180061")).as("a retired tag without keyword").isEqualTo("3");
        assertThat(names(flat.schema()).subList(0, 3)).containsExactly("CurveDimensions", "OverlayRows", "OverlayOrigin");
    }

    private static Row group(String id, Object value) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("Id", id);
        values.put("Value", value);
        return new Row(values);
    }

    @Test
    void joinsExtraValuesOfASingleValuedStringAndDropsThemForOtherTypes() {
        FlattenedInstance flat = flatten(instance(text(0x00080060, Vr.CS, "CT", "MR"), ints(0x00280010, Vr.US, 1, 2)));
        assertThat(flat.row().get("Modality")).isEqualTo("CT\\MR");
        assertThat(flat.row().get("Rows")).isNull();
        assertThat(flat.droppedTags()).containsExactly("Rows");
    }

    @Test
    void mergesTheFieldsOfAllItemsOfASequence() {
        FlattenedInstance flat = flatten(instance(sequence(0x00081140,
                item(text(0x00081155, Vr.UI, "1.2.3")),
                item(text(0x00081150, Vr.UI, "1.2.840"), text(0x00081155, Vr.UI, "1.2.4")))));

        assertThat(SchemaJson.write(flat.schema())).isEqualTo("[{\"name\":\"ReferencedImageSequence\",\"type\":\"RECORD\","
                + "\"mode\":\"REPEATED\",\"fields\":[{\"name\":\"ReferencedSOPClassUID\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"ReferencedSOPInstanceUID\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]},"
                + "{\"name\":\"DroppedTags\",\"type\":\"RECORD\",\"mode\":\"REPEATED\",\"fields\":["
                + "{\"name\":\"TagName\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"TagReference\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]},"
                + "{\"name\":\"Type\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"LastUpdated\",\"type\":\"TIMESTAMP\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"StorageClass\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"},"
                + "{\"name\":\"BlobStorageSize\",\"type\":\"INTEGER\",\"mode\":\"NULLABLE\"}]");
        assertThat(RowJson.write(flat.row())).isEqualTo("{\"ReferencedImageSequence\":[{\"ReferencedSOPInstanceUID\":\"1.2.3\"},"
                + "{\"ReferencedSOPClassUID\":\"1.2.840\",\"ReferencedSOPInstanceUID\":\"1.2.4\"}],"
                + "\"Type\":\"INSERT\",\"StorageClass\":\"STANDARD\",\"BlobStorageSize\":\"0\"}");
    }

    @Test
    void resolvesConflictingItemsOfAnUnknownTagWithTheMergeRule() {
        FlattenedInstance flat = flatten(instance(sequence(0x00081140,
                item(ints(0x00231001 - 0x00010000, Vr.US, 7)),
                item(text(0x00221001, Vr.LO, "seven")))));
        Column field = flat.schema().column("ReferencedImageSequence").field("Tag_00221001");
        assertThat(field).isEqualTo(Column.of("Tag_00221001", ColumnType.STRING, Mode.REPEATED));
        assertThat(RowJson.write(flat.row())).isEqualTo(
                "{\"ReferencedImageSequence\":[{\"Tag_00221001\":[\"7\"]},{\"Tag_00221001\":[\"seven\"]}],"
                        + "\"Type\":\"INSERT\",\"StorageClass\":\"STANDARD\",\"BlobStorageSize\":\"0\"}");
    }

    private static List<String> names(TableSchema schema) {
        return schema.columns().stream().map(Column::name).toList();
    }
}
