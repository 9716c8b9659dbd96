package io.dicombq.domain.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagTest {

    @ParameterizedTest
    @ValueSource(strings = {"00100010", "(0010,0010)", "Tag_00100010", " 00100010 ", "(0010,0010) "})
    void parsesTheThreeWrittenForms(String text) {
        assertThat(Tag.parse(text)).isEqualTo(Tag.of(0x0010, 0x0010));
    }

    @Test
    void parsesHexDigitsInEitherCaseAndTheHighestGroups() {
        assertThat(Tag.parse("7fe00010")).isEqualTo(Tag.PIXEL_DATA);
        assertThat(Tag.parse("(FFFE,E000)")).isEqualTo(Tag.ITEM);
        assertThat(Tag.parse("Tag_0009aBcD").value()).isEqualTo(0x0009ABCD);
        assertThat(Tag.parse("FFFFFFFF").group()).isEqualTo(0xFFFF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0010001", "001000100", "0010,0010", "(0010,001)", "(0010;0010)", "[0010,0010]",
            "Tag_0010001G", "tag_00100010", "+0100010", "-0100010", "(+010,0010)", "0010\uff10010", "0x100010",
            "Tag_(0010,0010)"})
    void refusesAnythingElseSayingWhatIsExpected(String text) {
        assertThatThrownBy(() -> Tag.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a DICOM tag: '" + text + "' (expected 8 hex digits GGGGEEEE)");
    }

    @Test
    void groupElementAndTheWrittenForms() {
        Tag tag = Tag.of(0x0008, 0x0018);
        assertThat(tag.value()).isEqualTo(0x00080018);
        assertThat(tag.group()).isEqualTo(0x0008);
        assertThat(tag.element()).isEqualTo(0x0018);
        assertThat(tag.hex()).isEqualTo("00080018");
        assertThat(tag.columnName()).isEqualTo("Tag_00080018");
        assertThat(tag).hasToString("(0008,0018)");
        assertThat(Tag.of(0x7FE0, 0x0010).hex()).isEqualTo("7FE00010");
        assertThat(Tag.of(0x1_0008, 0x1_0018)).as("bits beyond 16 are ignored").isEqualTo(tag);
    }

    @Test
    void ordersAsUnsigned32BitValues() {
        List<Tag> tags = new ArrayList<>(List.of(Tag.ITEM, Tag.of(0x0010, 0x0010), Tag.PIXEL_DATA, Tag.of(0x0008, 0x0005)));
        Collections.sort(tags);
        assertThat(tags).containsExactly(Tag.of(0x0008, 0x0005), Tag.of(0x0010, 0x0010), Tag.PIXEL_DATA, Tag.ITEM);
    }

    @ParameterizedTest
    @CsvSource({
            // PS3.5 7.8: odd groups are private except 0001, 0003, 0005, 0007 and FFFF
            "00090010, true", "00091002, true", "00290010, true", "7FE10010, true", "FFFD0010, true",
            "00010010, false", "00030010, false", "00050010, false", "00070010, false", "FFFF0010, false",
            "00080010, false", "00100010, false", "60000010, false", "FFFEE000, false"})
    void privateGroups(String tag, boolean isPrivate) {
        assertThat(Tag.parse(tag).isPrivate()).isEqualTo(isPrivate);
    }

    @ParameterizedTest
    @CsvSource({
            // PS3.5 7.8.1: creators reserve blocks at (gggg,0010-00FF) of a private group
            "00090010, true", "000900FF, true", "0009000F, false", "00090100, false", "00091000, false",
            "00080010, false", "00110010, true"})
    void privateCreators(String tag, boolean isCreator) {
        assertThat(Tag.parse(tag).isPrivateCreator()).isEqualTo(isCreator);
    }

    @Test
    void aPrivateElementPointsAtTheCreatorOfItsBlock() {
        assertThat(Tag.parse("00091002").privateCreatorTag()).isEqualTo(Tag.parse("00090010"));
        assertThat(Tag.parse("0029FF00").privateCreatorTag()).isEqualTo(Tag.parse("002900FF"));
        assertThat(Tag.parse("00431027").privateCreatorTag()).isEqualTo(Tag.parse("00430010"));
        for (String notInABlock : List.of("00100010", "00090010", "000900FF", "00090FFF")) {
            assertThatThrownBy(() -> Tag.parse(notInABlock).privateCreatorTag())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not a private data element");
        }
    }

    @Test
    void equalByValueWithTheValueAsHashCodeAsARecordsGeneratedMethodsAre() {
        for (int value : new int[] {0, 1, 0x00100010, 0x7FE00010, 0xFFFEE000, -1}) {
            assertThat(new Tag(value)).isEqualTo(new Tag(value)).isNotEqualTo(new Tag(value + 1)).isNotEqualTo(value);
            assertThat(new Tag(value).hashCode()).isEqualTo(value);
        }
    }

    @Test
    void groupLengthFileMetaAndDelimiters() {
        assertThat(Tag.parse("00080000").isGroupLength()).isTrue();
        assertThat(Tag.parse("00020000").isGroupLength()).isTrue();
        assertThat(Tag.parse("00090000").isGroupLength()).as("private groups have lengths too").isTrue();
        assertThat(Tag.parse("00080001").isGroupLength()).isFalse();
        assertThat(Tag.parse("00020010").isFileMeta()).isTrue();
        assertThat(Tag.parse("00030010").isFileMeta()).isFalse();
        assertThat(Tag.ITEM.isDelimiter()).isTrue();
        assertThat(Tag.ITEM_DELIMITATION.isDelimiter()).isTrue();
        assertThat(Tag.SEQUENCE_DELIMITATION.isDelimiter()).isTrue();
        assertThat(Tag.PIXEL_DATA.isDelimiter()).isFalse();
    }

    @Test
    void theNamedConstantsAreTheStandardTags() {
        DataDictionary dictionary = DataDictionary.standard();
        assertThat(dictionary.keyword(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("SpecificCharacterSet");
        assertThat(dictionary.keyword(Tag.TIMEZONE_OFFSET_FROM_UTC)).isEqualTo("TimezoneOffsetFromUTC");
        assertThat(dictionary.keyword(Tag.SOP_INSTANCE_UID)).isEqualTo("SOPInstanceUID");
        assertThat(dictionary.keyword(Tag.STUDY_INSTANCE_UID)).isEqualTo("StudyInstanceUID");
        assertThat(dictionary.keyword(Tag.SERIES_INSTANCE_UID)).isEqualTo("SeriesInstanceUID");
        assertThat(dictionary.keyword(Tag.PIXEL_DATA)).isEqualTo("PixelData");
        assertThat(dictionary.keyword(Tag.FLOAT_PIXEL_DATA)).isEqualTo("FloatPixelData");
        assertThat(dictionary.keyword(Tag.DOUBLE_FLOAT_PIXEL_DATA)).isEqualTo("DoubleFloatPixelData");
        assertThat(dictionary.keyword(Tag.ITEM)).isEqualTo("Item");
        assertThat(dictionary.keyword(Tag.ITEM_DELIMITATION)).isEqualTo("ItemDelimitationItem");
        assertThat(dictionary.keyword(Tag.SEQUENCE_DELIMITATION)).isEqualTo("SequenceDelimitationItem");
    }
}
