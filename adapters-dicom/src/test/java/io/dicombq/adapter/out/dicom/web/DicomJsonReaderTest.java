package io.dicombq.adapter.out.dicom.web;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DICOM JSON model (PS3.18 Annex F) as servers send it, read into the Part 10 reader's element model. */
class DicomJsonReaderTest {
    private final DicomJsonReader reader = new DicomJsonReader(DataDictionary.standard());

    private DicomDataset one(String json) {
        List<DicomDataset> datasets = reader.readDatasets(json.getBytes(StandardCharsets.UTF_8));
        assertThat(datasets).hasSize(1);
        return datasets.get(0);
    }

    private DataElement element(String tagHex, String elementJson) {
        return one("[{\"" + tagHex + "\": " + elementJson + "}]").get(Tag.parse(tagHex));
    }

    @Test
    void personNameGroupsBecomeTheEqualsSeparatedForm() {
        DataElement name = element("00100010", """
                {"vr": "PN", "Value": [
                  {"Alphabetic": "Yamada^Tarou", "Ideographic": "山田^太郎", "Phonetic": "やまだ^たろう"},
                  {"Alphabetic": "Wang^XiaoDong"},
                  {"Alphabetic": "Smith", "Phonetic": ""},
                  null]}""");
        assertThat(name.vr()).isEqualTo(Vr.PN);
        assertThat(name.value()).isEqualTo(Value.Text.of("Yamada^Tarou=山田^太郎=やまだ^たろう", "Wang^XiaoDong", "Smith==", ""));
    }

    @Test
    void decimalAndIntegerStringsKeepTheNumberAsText() {
        assertThat(element("00200032", "{\"vr\": \"DS\", \"Value\": [-83.9063, 1e-06, 1.50, 80]}").value())
                .isEqualTo(Value.Text.of("-83.9063", "0.000001", "1.50", "80"));
        assertThat(element("00200013", "{\"vr\": \"IS\", \"Value\": [1, \"2\"]}").value()).isEqualTo(Value.Text.of("1", "2"));
        // a double printed with 17 digits (longer than a DS may be) is the shortest decimal again
        assertThat(element("00200032", "{\"vr\": \"DS\", \"Value\": [-158.13580300000001, 0.69999999999999996, 1e-22]}").value())
                .isEqualTo(Value.Text.of("-158.135803", "0.7", "1E-22"));
    }

    @Test
    void attributeTagsBecomeTheirPackedValue() {
        assertThat(element("00209165", "{\"vr\": \"AT\", \"Value\": [\"00181063\", \"7FE00010\"]}").value())
                .isEqualTo(Value.Ints.of(0x00181063L, 0x7FE00010L));
    }

    @Test
    void integersIncludingAnUnsigned64BitAboveLongMax() {
        assertThat(element("00280010", "{\"vr\": \"US\", \"Value\": [512]}").value()).isEqualTo(Value.Ints.of(512));
        Value.Ints big = (Value.Ints) element("00720082", "{\"vr\": \"UV\", \"Value\": [\"18446744073709551615\"]}").value();
        assertThat(Value.Ints.unsigned(big.get(0))).isEqualTo("18446744073709551615");
        assertThat(element("00720082", "{\"vr\": \"SV\", \"Value\": [-9007199254740993]}").value())
                .isEqualTo(Value.Ints.of(-9007199254740993L));
    }

    @Test
    void floatsIncludingNotANumber() {
        Value.Floats floats = (Value.Floats) element("00189087", "{\"vr\": \"FD\", \"Value\": [0.5, \"NaN\", -2]}").value();
        assertThat(floats.get(0)).isEqualTo(0.5);
        assertThat(floats.get(1)).isNaN();
        assertThat(floats.get(2)).isEqualTo(-2.0);
    }

    @Test
    void inlineBinaryIsDecodedAndBulkDataIsReferenced() {
        DataElement inline = element("00091001", "{\"vr\": \"OB\", \"InlineBinary\": \"AQID\"}");
        assertThat(inline.value()).isEqualTo(new Value.Bytes(new byte[] {1, 2, 3}, false));
        DataElement bulk = element("7FE00010", "{\"vr\": \"OW\", \"BulkDataURI\": \"http://h/bulk/7fe00010\"}");
        assertThat(bulk.value()).isEqualTo(DicomJsonReader.REFERENCED_BULK);
        // Orthanc sends OF/OD/OL as their first number: the bytes are not there, so the value was not read
        assertThat(element("00660016", "{\"vr\": \"OF\", \"Value\": [0.5]}").value()).isEqualTo(DicomJsonReader.REFERENCED_BULK);
    }

    @Test
    void emptyElementsAndEmptyComponents() {
        assertThat(element("00080050", "{\"vr\": \"SH\"}").value()).isEqualTo(Value.Text.of());
        assertThat(element("00080008", "{\"vr\": \"CS\", \"Value\": [\"ORIGINAL\", null, \"AXIAL\"]}").value())
                .isEqualTo(Value.Text.of("ORIGINAL", "", "AXIAL"));
        assertThat(element("00081115", "{\"vr\": \"SQ\"}").value()).isEqualTo(new Value.Items(List.of()));
    }

    @Test
    void trailingPaddingIsNotPartOfTheValue() {
        assertThat(element("00080070", "{\"vr\": \"LO\", \"Value\": [\"ACME \"]}").value()).isEqualTo(Value.Text.of("ACME"));
        assertThat(element("00080018", "{\"vr\": \"UI\", \"Value\": [\"1.2.3\\u0000\"]}").value()).isEqualTo(Value.Text.of("1.2.3"));
    }

    @Test
    void sequencesNestAndPrivateElementsKnowTheirCreator() {
        DicomDataset dataset = one("""
                [{"00091002": {"vr": "SH", "Value": ["CT01"]},
                  "00090010": {"vr": "LO", "Value": ["GEMS_IDEN_01"]},
                  "0040A730": {"vr": "SQ", "Value": [
                     {"0040A010": {"vr": "CS", "Value": ["CONTAINS"]},
                      "00291010": {"vr": "UN", "InlineBinary": "AAA="},
                      "00290010": {"vr": "LO", "Value": ["SIEMENS CSA HEADER"]}},
                     {}]}}]""");
        assertThat(dataset.elements()).extracting(DataElement::tag)
                .containsExactly(Tag.parse("00090010"), Tag.parse("00091002"), Tag.parse("0040A730"));
        assertThat(dataset.get(Tag.parse("00091002")).privateCreator()).isEqualTo("GEMS_IDEN_01");
        assertThat(dataset.get(Tag.parse("00090010")).privateCreator()).isNull();
        Value.Items items = (Value.Items) dataset.get(Tag.parse("0040A730")).value();
        assertThat(items.items()).hasSize(2);
        assertThat(items.items().get(0).text(Tag.parse("0040A010"))).isEqualTo("CONTAINS");
        assertThat(items.items().get(0).get(Tag.parse("00291010")).privateCreator()).isEqualTo("SIEMENS CSA HEADER");
        assertThat(items.items().get(1).isEmpty()).isTrue();
    }

    @Test
    void aMissingVrFallsBackToTheDictionary() {
        assertThat(element("00100020", "{\"Value\": [\"4MR1\"]}").vr()).isEqualTo(Vr.LO);
    }

    @Test
    void malformedModelsAreRejectedNamingTheElement() {
        assertThatThrownBy(() -> reader.readDatasets("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> reader.readDatasets("[{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DicomJsonReader.MalformedDicomJson.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> element("00100010", "{\"vr\": \"PN\", \"Value\": [{\"Alphabet\": \"X\"}]}"))
                .hasMessageContaining("(0010,0010)").hasMessageContaining("unknown component group 'Alphabet'");
        assertThatThrownBy(() -> element("00280010", "{\"vr\": \"US\", \"Value\": [-1]}"))
                .hasMessageContaining("(0028,0010)").hasMessageContaining("out of range");
        assertThatThrownBy(() -> element("00280010", "{\"vr\": \"XX\", \"Value\": [1]}"))
                .hasMessageContaining("vr 'XX'");
        assertThatThrownBy(() -> one("[{\"0040A730\": {\"vr\": \"SQ\", \"Value\": [{\"0040A010\": {\"vr\": \"CS\", \"Value\": [3]}}]}}]"))
                .hasMessageContaining("(0040,A730)[0].(0040,A010)");
        assertThatThrownBy(() -> one("[{\"0010\": {\"vr\": \"CS\"}}]")).hasMessageContaining("'0010'");
        assertThatThrownBy(() -> element("7FE00010", "{\"vr\": \"OB\", \"InlineBinary\": \"AQID\", \"BulkDataURI\": \"x\"}"))
                .hasMessageContaining("more than one");
    }
}
