package io.dicombq.domain.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDictionaryTest {

    private final DataDictionary dictionary = DataDictionary.standard();

    @Test
    void looksUpByTagAndByKeyword() {
        DictionaryEntry name = dictionary.lookup(Tag.of(0x0010, 0x0010));
        assertThat(name.keyword()).isEqualTo("PatientName");
        assertThat(name.name()).isEqualTo("Patient's Name");
        assertThat(name.vrs()).containsExactly(Vr.PN);
        assertThat(name.vm()).isEqualTo("1");
        assertThat(name.isSingleValued()).isTrue();
        assertThat(name.retired()).isFalse();
        assertThat(dictionary.byKeyword("PatientName")).isSameAs(name);
        assertThat(dictionary.keyword(Tag.of(0x0010, 0x0010))).isEqualTo("PatientName");
        assertThat(dictionary.byKeyword("patientname")).as("keywords are case-sensitive").isNull();
        assertThat(dictionary.byKeyword("NoSuchKeyword")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // tag | VRs | VM | keyword | retired
            "00080060 | CS    | 1    | Modality                     | false",
            "00080008 | CS    | 2-n  | ImageType                    | false",
            "00280030 | DS    | 2    | PixelSpacing                 | false",
            "00200037 | DS    | 6    | ImageOrientationPatient      | false",
            "00280106 | US/SS | 1    | SmallestImagePixelValue      | false",
            "00283006 | US/OW | 1-n  | LUTData                      | false",
            "7FE00010 | OB/OW | 1    | PixelData                    | false",
            "00081150 | UI    | 1    | ReferencedSOPClassUID        | false",
            "0040A730 | SQ    | 1    | ContentSequence              | false",
            "00080010 | SH    | 1    | RecognitionCode              | true",
            "00280034 | IS    | 2    | PixelAspectRatio             | false",
            "00080201 | SH    | 1    | TimezoneOffsetFromUTC        | false",
            "FFFEE000 |       | 1    | Item                         | false",
            "00000000 | UL    | 1    | CommandGroupLength           | false"})
    void standardEntries(String tag, String vrs, String vm, String keyword, boolean retired) {
        DictionaryEntry entry = dictionary.lookup(Tag.parse(tag));
        assertThat(entry.tag()).isEqualTo(Tag.parse(tag));
        assertThat(entry.vrs()).isEqualTo(vrs == null ? List.of() : List.of(vrs.split("/")).stream().map(Vr::parse).toList());
        assertThat(entry.vm()).isEqualTo(vm);
        assertThat(entry.keyword()).isEqualTo(keyword);
        assertThat(entry.retired()).isEqualTo(retired);
        assertThat(dictionary.byKeyword(keyword)).isSameAs(entry);
    }

    @Test
    void theFileMetaGroupIsIncluded() {
        assertThat(dictionary.keyword(Tag.parse("00020000"))).isEqualTo("FileMetaInformationGroupLength");
        assertThat(dictionary.keyword(Tag.parse("00020001"))).isEqualTo("FileMetaInformationVersion");
        assertThat(dictionary.lookup(Tag.parse("00020001")).vrs()).containsExactly(Vr.OB);
        assertThat(dictionary.keyword(Tag.parse("00020002"))).isEqualTo("MediaStorageSOPClassUID");
        assertThat(dictionary.keyword(Tag.parse("00020010"))).isEqualTo("TransferSyntaxUID");
        assertThat(dictionary.keyword(Tag.parse("00020013"))).isEqualTo("ImplementationVersionName");
        assertThat(dictionary.keyword(Tag.parse("00020100"))).isEqualTo("PrivateInformationCreatorUID");
    }

    @ParameterizedTest
    @CsvSource({
            // PS3.5 7.6 repeating groups: each concrete tag in the group finds the one entry
            "60003000, OverlayData, false", "60023000, OverlayData, false", "601E3000, OverlayData, false",
            "60000010, OverlayRows, false", "60040011, OverlayColumns, false", "60000040, OverlayType, false",
            "50000005, CurveDimensions, true", "501E3000, CurveData, true", "50020010, NumberOfPoints, true",
            "7F000010, VariablePixelData, true", "7F020010, VariablePixelData, true",
            "10000010, EscapeTriplet, true", "10000015, ShiftTableTriplet, true", "100000F0, EscapeTriplet, true",
            "10100004, ZonalMap, true", "10101234, ZonalMap, true",
            "00203101, SourceImageIDs, true", "002031FF, SourceImageIDs, true",
            "00280410, RowsForNthOrderCoefficients, true", "00280808, ImageDataLocation, true"})
    void repeatingGroupsAreMatchedByMask(String tag, String keyword, boolean retired) {
        DictionaryEntry entry = dictionary.lookup(Tag.parse(tag));
        assertThat(entry).as(tag).isNotNull();
        assertThat(entry.keyword()).isEqualTo(keyword);
        assertThat(entry.retired()).isEqualTo(retired);
        assertThat(dictionary.byKeyword(keyword)).isSameAs(entry);
    }

    @Test
    void exactEntriesWinOverRepeatingGroupMasks() {
        // (7FE0,0010) Pixel Data lies inside the retired 7Fxx group but is its own element
        assertThat(dictionary.keyword(Tag.PIXEL_DATA)).isEqualTo("PixelData");
        assertThat(dictionary.lookup(Tag.PIXEL_DATA).retired()).isFalse();
    }

    @Test
    void privateAndUnknownTagsHaveNoEntry() {
        assertThat(dictionary.lookup(Tag.parse("00090010"))).isNull();
        assertThat(dictionary.lookup(Tag.parse("00291010"))).isNull();
        assertThat(dictionary.lookup(Tag.parse("60013000"))).as("odd group: private, not an overlay").isNull();
        assertThat(dictionary.lookup(Tag.parse("00080002"))).isNull();
        assertThat(dictionary.lookup(Tag.parse("00100000"))).as("no group length listed for group 0010").isNull();
        assertThat(dictionary.keyword(Tag.parse("00090010"))).isNull();
    }

    @Test
    void retiredEntriesWithoutKeywordHaveNone() {
        DictionaryEntry blank = dictionary.lookup(Tag.parse("00189445"));
        assertThat(blank.retired()).isTrue();
        assertThat(blank.hasKeyword()).isFalse();
        assertThat(dictionary.keyword(Tag.parse("00189445"))).isNull();
        assertThat(dictionary.byKeyword("")).isNull();
    }

    @Test
    void theDelimitersHaveNoVrAndReadAsUn() {
        DictionaryEntry item = dictionary.lookup(Tag.ITEM);
        assertThat(item.vrs()).isEmpty();
        assertThat(item.vr()).isEqualTo(Vr.UN);
        assertThat(dictionary.lookup(Tag.parse("00280106")).vr()).as("first listed VR").isEqualTo(Vr.US);
    }

    @Test
    void everyEntryIsFoundByItsTagAndEveryKeywordByName() {
        List<String> hidden = new java.util.ArrayList<>();
        for (DictionaryEntry entry : dictionary.entries()) {
            DictionaryEntry found = dictionary.lookup(entry.tag());
            assertThat(found).as("lookup(%s)", entry.tag()).isNotNull();
            if (found != entry) {
                hidden.add(entry.keyword());
            }
            if (entry.hasKeyword()) {
                assertThat(dictionary.byKeyword(entry.keyword())).as(entry.keyword()).isSameAs(entry);
            }
        }
        // (0028,04x0..04x3) with x = 0 are the separate elements (0028,0400..0403), so those masks start at x = 1
        assertThat(hidden).containsExactlyInAnyOrder("RowsForNthOrderCoefficients", "ColumnsForNthOrderCoefficients",
                "CoefficientCoding", "CoefficientCodingPointers");
        assertThat(dictionary.keyword(Tag.parse("00280400"))).isEqualTo("TransformLabel");
        assertThat(dictionary.keyword(Tag.parse("00280410"))).isEqualTo("RowsForNthOrderCoefficients");
        assertThat(dictionary.size()).isEqualTo(dictionary.entries().size()).isGreaterThan(4900);
    }

    @Test
    void aMalformedResourceLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> DataDictionary.parse(new ResourceText(
                "# comment\n00100010\tPN\t1\tPatientName\t-\tPatient's Name\n00100020\tLO\t1\n"
                        .getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dictionary line 3 is malformed");
    }

    @Test
    void exactTagsOutOfOrderAreRefusedAtLoad() {
        assertThatThrownBy(() -> DataDictionary.parse(new ResourceText(
                ("00100020\tLO\t1\tPatientID\t-\tPatient ID\n00100010\tPN\t1\tPatientName\t-\tPatient's Name\n")
                        .getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dictionary line 2: exact tags must come");
    }

    @Test
    void aGroupIsReadFromItsOwnLines() {
        DataDictionary small = DataDictionary.parse(new ResourceText(
                ("# generated by x from test; do not edit\n00080060\tCS\t1\tModality\t-\tModality\n"
                        + "00100010\tPN\t1\tPatientName\t-\tPatient's Name\n"
                        + "00100020\tLO\t1\tPatientID\t-\tPatient ID\n60xx0010\tUS\t1\tOverlayRows\t-\tOverlay Rows\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(small.keyword(Tag.of(0x0010, 0x0020))).isEqualTo("PatientID");
        assertThat(small.keyword(Tag.of(0x0010, 0x0030))).isNull();
        assertThat(small.keyword(Tag.of(0x6002, 0x0010))).isEqualTo("OverlayRows");
        assertThat(small.byKeyword("Modality")).isSameAs(small.lookup(Tag.of(0x0008, 0x0060)));
        assertThat(small.entries()).extracting(DictionaryEntry::keyword)
                .containsExactly("Modality", "PatientName", "PatientID", "OverlayRows");
        assertThat(small.edition()).isEqualTo("test");
    }
}
