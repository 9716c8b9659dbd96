package io.dicombq.domain.dicom.json;

import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DicomJsonWriterTest {

    private static String json(DataElement... elements) {
        return DicomJsonWriter.standard().toJson(DicomDataset.of(elements));
    }

    @Test
    void writesAttributesInTagOrderWithVrAndValueArray() {
        String json = json(
                new DataElement(Tag.of(0x0010, 0x0020), Vr.LO, Value.Text.of("12345")),
                new DataElement(Tag.of(0x0008, 0x0060), Vr.CS, Value.Text.of("CT", "MR")));
        assertThat(json).isEqualTo("{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\",\"MR\"]},"
                + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"12345\"]}}");
    }

    @Test
    void zeroLengthAttributeHasNoValueAndEmptyValuesInsideAreNull() {
        String json = json(
                new DataElement(Tag.of(0x0010, 0x0010), Vr.PN, Value.Text.of()),
                new DataElement(Tag.of(0x0008, 0x0008), Vr.CS, Value.Text.of("ORIGINAL", "", "AXIAL")));
        assertThat(json).isEqualTo("{\"00080008\":{\"vr\":\"CS\",\"Value\":[\"ORIGINAL\",null,\"AXIAL\"]},"
                + "\"00100010\":{\"vr\":\"PN\"}}");
    }

    @Test
    void personNameBecomesComponentGroupObjectsLeavingOutEmptyGroups() {
        String json = json(new DataElement(Tag.of(0x0010, 0x0010), Vr.PN,
                Value.Text.of("Yamada^Tarou=山田^太郎=やまだ^たろう", "Wang^XiaoDong", "=Ideo")));
        assertThat(json).isEqualTo("{\"00100010\":{\"vr\":\"PN\",\"Value\":["
                + "{\"Alphabetic\":\"Yamada^Tarou\",\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"},"
                + "{\"Alphabetic\":\"Wang^XiaoDong\"},{\"Ideographic\":\"Ideo\"}]}}");
    }

    @Test
    void integerAndDecimalStringsAreNumbersInJsonSyntaxButInvalidOnesStayStrings() {
        String json = json(
                new DataElement(Tag.of(0x0018, 0x0050), Vr.DS, Value.Text.of(".5", "+1.", "-0.25e3", "007", "abc")),
                new DataElement(Tag.of(0x0020, 0x0013), Vr.IS, Value.Text.of("+12", "-3", "1.5")));
        assertThat(json).isEqualTo("{\"00180050\":{\"vr\":\"DS\",\"Value\":[0.5,1.0,-0.25e3,7,\"abc\"]},"
                + "\"00200013\":{\"vr\":\"IS\",\"Value\":[12,-3,\"1.5\"]}}");
    }

    @Test
    void binaryNumbersTagsAndUnsignedVeryLongs() {
        String json = json(
                new DataElement(Tag.of(0x0028, 0x0010), Vr.US, Value.Ints.of(512)),
                new DataElement(Tag.of(0x0020, 0x9165), Vr.AT, Value.Ints.of(0x00100010L, 0xFFFEE000L)),
                new DataElement(Tag.of(0x0018, 0x9327), Vr.FD, Value.Floats.of(1.5, Double.NaN)),
                new DataElement(Tag.of(0x0009, 0x1001), Vr.UV, Value.Ints.of(-1L)));
        assertThat(json).isEqualTo("{\"00091001\":{\"vr\":\"UV\",\"Value\":[18446744073709551615]},"
                + "\"00189327\":{\"vr\":\"FD\",\"Value\":[1.5,\"NaN\"]},"
                + "\"00209165\":{\"vr\":\"AT\",\"Value\":[\"00100010\",\"FFFEE000\"]},"
                + "\"00280010\":{\"vr\":\"US\",\"Value\":[512]}}");
    }

    @Test
    void keptBinaryIsInlineBase64AndSkippedBulkDataIsOmitted() {
        DataElement small = new DataElement(Tag.of(0x0009, 0x1010), Vr.OB, new Value.Bytes(new byte[] {1, 2, 3}, false));
        DataElement bulk = new DataElement(Tag.PIXEL_DATA, Vr.OW, new Value.Bulk(1234, 1_000_000));
        assertThat(DicomJsonWriter.standard().toJson(DicomDataset.of(small, bulk)))
                .isEqualTo("{\"00091010\":{\"vr\":\"OB\",\"InlineBinary\":\"AQID\"},\"7FE00010\":{\"vr\":\"OW\"}}");
        assertThat(DicomJsonWriter.withoutInlineBinary().toJson(DicomDataset.of(small)))
                .isEqualTo("{\"00091010\":{\"vr\":\"OB\"}}");
    }

    @Test
    void sequencesNestItemsAsObjectsAndEmptySequencesHaveNoValue() {
        DicomDataset item = DicomDataset.of(new DataElement(Tag.of(0x0008, 0x0100), Vr.SH, Value.Text.of("T-1")));
        String json = json(
                new DataElement(Tag.of(0x0008, 0x1032), Vr.SQ, new Value.Items(List.of(item, DicomDataset.empty()))),
                new DataElement(Tag.of(0x0040, 0x0275), Vr.SQ, new Value.Items(List.of())));
        assertThat(json).isEqualTo("{\"00081032\":{\"vr\":\"SQ\",\"Value\":[{\"00080100\":{\"vr\":\"SH\",\"Value\":[\"T-1\"]}},{}]},"
                + "\"00400275\":{\"vr\":\"SQ\"}}");
    }

    @Test
    void textIsEscaped() {
        assertThat(json(new DataElement(Tag.of(0x0008, 0x4000), Vr.LT, Value.Text.of("a \"quote\"\r\nnext"))))
                .isEqualTo("{\"00084000\":{\"vr\":\"LT\",\"Value\":[\"a \\\"quote\\\"\\r\\nnext\"]}}");
    }
}
