package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class Part10ReaderTest {
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private final Part10Reader reader = new Part10Reader();

    private DicomDataset read(String transferSyntax, byte[] body) {
        return reader.read(DicomBytes.file(transferSyntax, body), "test.dcm").dataset();
    }

    private static DicomBytes sample(DicomBytes bytes) {
        return bytes
                .text(0x00080005, "CS", "ISO_IR 100")
                .text(0x00080008, "CS", "ORIGINAL\\PRIMARY ")
                .text(0x00080018, "UI", "1.2.3.4.5")
                .text(0x00100010, "PN", "Müller^Jürgen", StandardCharsets.ISO_8859_1)
                .element(0x00181310, "US", new byte[0])
                .us(0x00280010, 512)
                .at(0x00209165, 0x00100020, 0x0020000D);
    }

    @Test
    void readsExplicitLittleEndianWithFileMeta() {
        DicomInstance instance = reader.read(DicomBytes.file(EXPLICIT_LE, sample(DicomBytes.explicitLittle()).build()), "a.dcm");
        assertThat(instance.source()).isEqualTo("a.dcm");
        assertThat(instance.fileMeta().text(Tag.of(0x0002, 0x0010))).isEqualTo(EXPLICIT_LE);
        DicomDataset dataset = instance.dataset();
        assertThat(dataset.get(Tag.of(0x0008, 0x0008)).value()).isEqualTo(Value.Text.of("ORIGINAL", "PRIMARY"));
        assertThat(dataset.text(Tag.SOP_INSTANCE_UID)).isEqualTo("1.2.3.4.5");
        assertThat(dataset.text(Tag.of(0x0010, 0x0010))).isEqualTo("Müller^Jürgen");
        assertThat(dataset.get(Tag.of(0x0018, 0x1310)).isEmpty()).isTrue();
        assertThat(dataset.get(Tag.of(0x0028, 0x0010)).value()).isEqualTo(Value.Ints.of(512));
        assertThat(dataset.get(Tag.of(0x0020, 0x9165)).value()).isEqualTo(Value.Ints.of(0x00100020L, 0x0020000DL));
    }

    @Test
    void implicitLittleEndianTakesVrsFromTheDictionaryAndTracksPrivateCreators() {
        byte[] body = sample(DicomBytes.implicitLittle())
                .text(0x00090010, "LO", "ACME 1.0")
                .text(0x00091001, "LO", "secret")
                .text(0x00291010, "LO", "no creator")
                .text(0x00431234, "LO", "x")
                .build();
        DicomDataset dataset = read("1.2.840.10008.1.2", body);
        assertThat(dataset.get(Tag.of(0x0010, 0x0010)).vr()).isEqualTo(Vr.PN);
        assertThat(dataset.get(Tag.of(0x0028, 0x0010)).value()).isEqualTo(Value.Ints.of(512));
        assertThat(dataset.get(Tag.of(0x0009, 0x0010))).isEqualTo(new DataElement(Tag.of(0x0009, 0x0010), Vr.LO, Value.Text.of("ACME 1.0")));
        DataElement privateElement = dataset.get(Tag.of(0x0009, 0x1001));
        assertThat(privateElement.vr()).isEqualTo(Vr.UN);
        assertThat(privateElement.privateCreator()).isEqualTo("ACME 1.0");
        assertThat(dataset.get(Tag.of(0x0029, 0x1010)).privateCreator()).isNull();
    }

    @Test
    void anAllZeroFirstElementKeepsTheDeclaredExplicitVrAsPydicomAndDcmtkDo() {
        // tag (0000,0000), VR bytes 00 00, length 0: written first by some toolkits; it reads the same either way
        byte[] zero = new byte[8];
        byte[] rest = sample(DicomBytes.explicitLittle()).build();
        byte[] body = new byte[zero.length + rest.length];
        System.arraycopy(rest, 0, body, zero.length, rest.length);

        DicomDataset dataset = read(EXPLICIT_LE, body);

        assertThat(dataset.text(Tag.SOP_INSTANCE_UID)).isEqualTo("1.2.3.4.5");
        assertThat(dataset.text(Tag.of(0x0010, 0x0010))).isEqualTo("Müller^Jürgen");
        assertThat(dataset.get(Tag.of(0x0028, 0x0010)).value()).isEqualTo(Value.Ints.of(512));
        assertThat(dataset.get(Tag.of(0x0000, 0x0000)).isEmpty()).as("an empty group length, as pydicom's UL: None").isTrue();
    }

    @Test
    void explicitBigEndianDecodesNumbersInItsByteOrder() {
        byte[] body = DicomBytes.explicitBig()
                .us(0x00280010, 0x0102)
                .element(0x00181060, "FL", new byte[] {0x3F, (byte) 0xC0, 0, 0})
                .build();
        DicomDataset dataset = read("1.2.840.10008.1.2.2", body);
        assertThat(dataset.get(Tag.of(0x0028, 0x0010)).value()).isEqualTo(Value.Ints.of(0x0102));
        assertThat(dataset.get(Tag.of(0x0018, 0x1060)).value()).isEqualTo(Value.Floats.of(1.5));
    }

    @Test
    void deflatedDataSetIsInflated() {
        byte[] body = sample(DicomBytes.explicitLittle()).build();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        DicomDataset dataset = read("1.2.840.10008.1.2.1.99", deflated.toByteArray());
        assertThat(dataset).isEqualTo(read(EXPLICIT_LE, body));
    }

    /**
     * Specification 3.8: a sequence nested past the reader's 64 levels is skipped whole and kept unread (so the
     * flattener lists it in DroppedTags), whatever its lengths and syntax, and the elements after it are read.
     */
    @ParameterizedTest(name = "{0}, sequences of undefined length: {1}, items of undefined length: {2}")
    @CsvSource({"explicit, true, true", "explicit, false, false", "explicit, true, false", "implicit, true, true",
            "implicit, false, true", "un, true, true"})
    void aSequenceNestedPastTheLimitIsKeptUnreadAndTheRestIsRead(String encoding, boolean undefinedSequences,
                                                                boolean undefinedItems) {
        boolean explicit = !encoding.equals("implicit");
        boolean un = encoding.equals("un");
        // with "un", the sequence 74 levels deep is a private UN of undefined length, whose content is implicit VR
        // little endian (PS3.5 6.2.2): the levels inside it are built so
        byte[] item = (explicit && !un ? DicomBytes.explicitLittle() : DicomBytes.implicitLittle())
                .text(0x00080100, "SH", "leaf").build();
        for (int i = 0; i < 80; i++) {
            if (un && i == 5) {
                byte[] unknown = DicomBytes.explicitLittle().sequence(0x00091010, "UN", true, true, item).build();
                item = DicomBytes.explicitLittle().text(0x00090010, "LO", "CREATOR").raw(unknown).build();
                continue;
            }
            DicomBytes level = explicit && !(un && i < 5) ? DicomBytes.explicitLittle() : DicomBytes.implicitLittle();
            item = level.sequence(0x00400260, undefinedSequences, undefinedItems, item).build();
        }
        byte[] body = (explicit ? DicomBytes.explicitLittle() : DicomBytes.implicitLittle())
                .raw(item).text(0x00100020, "LO", "after").build();

        DicomDataset dataset = read(explicit ? EXPLICIT_LE : "1.2.840.10008.1.2", body);

        DicomDataset level = dataset;
        for (int depth = 0; depth < 64; depth++) {
            DataElement sequence = level.elements().stream().filter(e -> e.vr() == Vr.SQ).findFirst().orElseThrow();
            assertThat(sequence.value()).as("depth %d", depth).isInstanceOf(Value.Items.class);
            level = ((Value.Items) sequence.value()).items().get(0);
        }
        DataElement deepest = level.elements().stream().filter(e -> e.vr() == Vr.SQ).findFirst().orElseThrow();
        assertThat(deepest.value()).isInstanceOfSatisfying(Value.Bulk.class,
                bulk -> assertThat(bulk.length()).isPositive());
        assertThat(dataset.text(Tag.of(0x0010, 0x0020))).isEqualTo("after");
    }

    @Test
    void hostileNestingIsScannedNotRecursed() {
        // 200,000 sequences of undefined length, each one item of undefined length: 3.2 MB, far past any stack
        int levels = 200_000;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] open = {0x40, 0x00, 0x60, 0x02, 'S', 'Q', 0, 0, -1, -1, -1, -1, -2, -1, 0x00, -32, -1, -1, -1, -1};
        byte[] close = {-2, -1, 0x0D, -32, 0, 0, 0, 0, -2, -1, -35, -32, 0, 0, 0, 0};
        for (int i = 0; i < levels; i++) {
            bytes.writeBytes(open);
        }
        for (int i = 0; i < levels; i++) {
            bytes.writeBytes(close);
        }
        byte[] body = DicomBytes.explicitLittle().raw(bytes.toByteArray()).text(0x00100020, "LO", "after").build();

        DicomDataset dataset = read(EXPLICIT_LE, body);

        assertThat(dataset.text(Tag.of(0x0010, 0x0020))).isEqualTo("after");
    }

    @Test
    void sequencesOfDefinedAndUndefinedLengthNest() {
        byte[] inner = DicomBytes.explicitLittle().text(0x00080100, "SH", "T-1").build();
        byte[] middle = DicomBytes.explicitLittle().sequence(0x00400260, true, true, inner, inner).build();
        byte[] body = DicomBytes.explicitLittle()
                .sequence(0x00081032, false, false, middle)
                .sequence(0x00081110, true, false)
                .text(0x00100020, "LO", "after")
                .build();
        DicomDataset dataset = read(EXPLICIT_LE, body);
        Value.Items outer = (Value.Items) dataset.get(Tag.of(0x0008, 0x1032)).value();
        Value.Items nested = (Value.Items) outer.items().get(0).get(Tag.of(0x0040, 0x0260)).value();
        assertThat(nested.items()).hasSize(2).allSatisfy(item -> assertThat(item.text(Tag.of(0x0008, 0x0100))).isEqualTo("T-1"));
        assertThat(dataset.get(Tag.of(0x0008, 0x1110)).value()).isEqualTo(new Value.Items(java.util.List.of()));
        assertThat(dataset.text(Tag.of(0x0010, 0x0020))).isEqualTo("after");
    }

    @Test
    void aStrayItemDelimiterAfterAnItemOfDefinedLengthIsSkipped() {
        byte[] item = DicomBytes.explicitLittle().text(0x00080100, "SH", "A").build();
        byte[] content = DicomBytes.explicitLittle().tag(0xFFFEE000).u32(item.length).raw(item)
                .tag(0xFFFEE00D).u32(0).tag(0xFFFEE0DD).u32(0).build();
        byte[] body = DicomBytes.explicitLittle().element(0x00081032, "SQ", content, DicomBytes.UNDEFINED)
                .text(0x00100020, "LO", "next").build();
        DicomDataset dataset = read(EXPLICIT_LE, body);
        assertThat(((Value.Items) dataset.get(Tag.of(0x0008, 0x1032)).value()).count()).isEqualTo(1);
        assertThat(dataset.text(Tag.of(0x0010, 0x0020))).isEqualTo("next");
    }

    @Test
    void aCharacterSetInsideAnItemAppliesToThatItemOnly() {
        byte[] item = DicomBytes.explicitLittle()
                .text(0x00080005, "CS", "ISO_IR 144")
                .element(0x00100010, "PN", "Люкceмбypг".getBytes(java.nio.charset.Charset.forName("ISO-8859-5")))
                .build();
        byte[] body = DicomBytes.explicitLittle()
                .text(0x00080005, "CS", "ISO_IR 100")
                .sequence(0x00101002, false, false, item)
                .text(0x00100010, "PN", "Buc^Jérôme", StandardCharsets.ISO_8859_1)
                .build();
        DicomDataset dataset = read(EXPLICIT_LE, body);
        DicomDataset decodedItem = ((Value.Items) dataset.get(Tag.of(0x0010, 0x1002)).value()).items().get(0);
        assertThat(decodedItem.text(Tag.of(0x0010, 0x0010))).isEqualTo("Люкceмбypг");
        assertThat(dataset.text(Tag.of(0x0010, 0x0010))).isEqualTo("Buc^Jérôme");
    }

    @Test
    void iso2022JapaneseKeepsMultiByteCharactersWhoseBytesLookLikeDelimiters() {
        // 表 is 0x49 0x3D ('=' as second byte) and 移 is 0x30 0x5C ('\' as second byte) in JIS X 0208
        byte[] name = bytes("Hyo^Ichi=", 0x1B, '$', 'B', 0x49, 0x3D, 0x1B, '(', 'B', '^', 0x1B, '$', 'B', 0x30, 0x5C, 0x1B, '(', 'B',
                "\\Two");
        byte[] body = DicomBytes.explicitLittle()
                .text(0x00080005, "CS", "\\ISO 2022 IR 87")
                .element(0x00100010, "PN", DicomBytes.padded(name, ' '))
                .build();
        assertThat(read(EXPLICIT_LE, body).get(Tag.of(0x0010, 0x0010)).value())
                .isEqualTo(Value.Text.of("Hyo^Ichi=表^移", "Two"));
    }

    @Test
    void iso2022KoreanInG1AndGbkWithBackslashSecondBytes() {
        byte[] korean = bytes(0x1B, '$', ')', 'C', 0xC7, 0xD1, "^Kim");
        byte[] body = DicomBytes.explicitLittle()
                .text(0x00080005, "CS", "\\ISO 2022 IR 149")
                .element(0x00100010, "PN", DicomBytes.padded(korean, ' '))
                .build();
        assertThat(read(EXPLICIT_LE, body).text(Tag.of(0x0010, 0x0010))).isEqualTo("한^Kim");
        // 乗 is 0x81 0x5C in GBK: the 0x5C is not a value delimiter
        byte[] gbk = DicomBytes.explicitLittle()
                .text(0x00080005, "CS", "GBK")
                .element(0x00100010, "PN", DicomBytes.padded(bytes(0x81, 0x5C, "\\B"), ' '))
                .build();
        assertThat(read(EXPLICIT_LE, gbk).get(Tag.of(0x0010, 0x0010)).value()).isEqualTo(Value.Text.of("乗", "B"));
    }

    @Test
    void standardElementsStoredAsUnAreReadWithTheirDictionaryVr() {
        byte[] itemBody = DicomBytes.implicitLittle().text(0x00080100, "SH", "CODE").build();
        byte[] unSequence = DicomBytes.implicitLittle().sequence(0x00081032, "UN", false, false, itemBody).build();
        byte[] body = DicomBytes.explicitLittle()
                .element(0x00080060, "UN", "MR".getBytes(StandardCharsets.US_ASCII))
                .raw(DicomBytes.explicitLittle().element(0x00081032, "UN", java.util.Arrays.copyOfRange(unSequence, 8, unSequence.length)).build())
                .element(0x00280010, "UN", new byte[] {0, 2})
                .element(0x00280011, "UN", new byte[] {1, 2, 3})
                .element(0x00091001, "UN", new byte[] {1, 2})
                .build();
        DicomDataset dataset = read(EXPLICIT_LE, body);
        assertThat(dataset.get(Tag.of(0x0008, 0x0060))).isEqualTo(new DataElement(Tag.of(0x0008, 0x0060), Vr.CS, Value.Text.of("MR")));
        DataElement sequence = dataset.get(Tag.of(0x0008, 0x1032));
        assertThat(sequence.vr()).isEqualTo(Vr.SQ);
        assertThat(((Value.Items) sequence.value()).items().get(0).text(Tag.of(0x0008, 0x0100))).isEqualTo("CODE");
        assertThat(dataset.get(Tag.of(0x0028, 0x0010)).value()).isEqualTo(Value.Ints.of(512));
        // three bytes cannot be a US value: it stays UN; private elements have no dictionary VR and stay UN
        assertThat(dataset.get(Tag.of(0x0028, 0x0011)).vr()).isEqualTo(Vr.UN);
        assertThat(dataset.get(Tag.of(0x0009, 0x1001)).vr()).isEqualTo(Vr.UN);
    }

    @Test
    void unOfUndefinedLengthIsAnImplicitLittleEndianSequenceEvenInBigEndianFiles() {
        // PS3.5 7.8.1: private creators are reserved per data set, so the item names its own
        byte[] itemBody = DicomBytes.implicitLittle().text(0x00090010, "LO", "ACME").text(0x00091010, "LO", "inside").build();
        byte[] items = DicomBytes.implicitLittle().tag(0xFFFEE000).u32(itemBody.length).raw(itemBody)
                .tag(0xFFFEE0DD).u32(0).build();
        byte[] body = DicomBytes.explicitBig()
                .text(0x00090010, "LO", "ACME")
                .element(0x00091001, "UN", items, DicomBytes.UNDEFINED)
                .us(0x00280010, 7)
                .build();
        DicomDataset dataset = read("1.2.840.10008.1.2.2", body);
        DataElement sequence = dataset.get(Tag.of(0x0009, 0x1001));
        assertThat(sequence.vr()).isEqualTo(Vr.SQ);
        assertThat(sequence.privateCreator()).isEqualTo("ACME");
        DataElement inside = ((Value.Items) sequence.value()).items().get(0).get(Tag.of(0x0009, 0x1010));
        assertThat(inside.privateCreator()).isEqualTo("ACME");
        assertThat(inside.value()).isEqualTo(new Value.Bytes("inside".getBytes(StandardCharsets.US_ASCII), false));
        assertThat(dataset.get(Tag.of(0x0028, 0x0010)).value()).isEqualTo(Value.Ints.of(7));
    }

    @Test
    void stopsBeforePixelDataByDefaultOrSkipsItAndReadsOn() {
        byte[] body = DicomBytes.explicitLittle()
                .us(0x00280010, 2)
                .element(0x7FE00010, "OW", new byte[4096])
                .element(0xFFFCFFFC, "OB", new byte[2])
                .build();
        assertThat(read(EXPLICIT_LE, body).contains(Tag.PIXEL_DATA)).isFalse();
        Part10Reader all = new Part10Reader(ReadOptions.defaults().withStopBeforePixelData(false), DataDictionary.standard());
        byte[] file = DicomBytes.file(EXPLICIT_LE, body);
        DicomDataset dataset = all.read(file, "p.dcm").dataset();
        Value.Bulk bulk = (Value.Bulk) dataset.get(Tag.PIXEL_DATA).value();
        assertThat(bulk.length()).isEqualTo(4096);
        assertThat(file[(int) bulk.offset()]).isZero();
        assertThat(dataset.get(Tag.of(0xFFFC, 0xFFFC)).value()).isInstanceOf(Value.Bytes.class);
    }

    @Test
    void encapsulatedPixelDataIsSkippedFragmentByFragment() {
        byte[] fragments = DicomBytes.explicitLittle()
                .tag(0xFFFEE000).u32(0)
                .tag(0xFFFEE000).u32(6).raw(new byte[] {1, 2, 3, 4, 5, 6})
                .tag(0xFFFEE0DD).u32(0).build();
        byte[] body = DicomBytes.explicitLittle()
                .element(0x7FE00010, "OB", fragments, DicomBytes.UNDEFINED)
                .element(0xFFFAFFFA, "SQ", new byte[0])
                .build();
        Part10Reader all = new Part10Reader(ReadOptions.defaults().withStopBeforePixelData(false), DataDictionary.standard());
        DicomDataset dataset = all.read(DicomBytes.file("1.2.840.10008.1.2.4.50", body), "jpeg.dcm").dataset();
        assertThat(((Value.Bulk) dataset.get(Tag.PIXEL_DATA).value()).length()).isEqualTo(-1);
        assertThat(dataset.contains(Tag.of(0xFFFA, 0xFFFA))).isTrue();
    }

    @Test
    void binaryValuesAboveTheThresholdBecomeBulkReferences() {
        byte[] body = DicomBytes.explicitLittle()
                .element(0x00091010, "OB", new byte[10])
                .element(0x00091011, "OB", new byte[2000])
                .build();
        DicomDataset dataset = read(EXPLICIT_LE, body);
        assertThat(dataset.get(Tag.of(0x0009, 0x1010)).value()).isEqualTo(new Value.Bytes(new byte[10], false));
        assertThat(dataset.get(Tag.of(0x0009, 0x1011)).value()).isInstanceOf(Value.Bulk.class);
    }

    @Test
    void filesWithoutPreambleAndMetaAreReadWithTheEncodingTheirFirstElementShows() {
        byte[] explicit = sample(DicomBytes.explicitLittle()).build();
        byte[] implicit = sample(DicomBytes.implicitLittle()).build();
        byte[] big = sample(DicomBytes.explicitBig()).build();
        DicomDataset expected = read(EXPLICIT_LE, explicit);
        assertThat(reader.read(explicit, "raw").dataset()).isEqualTo(expected);
        assertThat(reader.read(implicit, "raw").dataset()).isEqualTo(expected);
        assertThat(reader.read(big, "raw").dataset()).isEqualTo(expected);
        assertThat(reader.read(explicit, "raw").fileMeta().isEmpty()).isTrue();
    }

    @Test
    void filesReadOneAfterAnotherOnAThreadKeepTheirOwnValues(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // the thread's read buffer goes from file to file (ReadBuffers): a value of the first, a header longer than
        // the buffer's first size, must not change when the second is read into the same buffer
        Part10Reader exporting = new Part10Reader(ReadOptions.forExport(), DataDictionary.standard());
        byte[] first = new byte[150_000];
        byte[] second = new byte[90_001];
        java.util.Arrays.fill(first, (byte) 0x11);
        java.util.Arrays.fill(second, (byte) 0x22);
        java.nio.file.Path a = dir.resolve("a.dcm");
        java.nio.file.Path b = dir.resolve("b.dcm");
        java.nio.file.Files.write(a, DicomBytes.file(EXPLICIT_LE, DicomBytes.explicitLittle()
                .text(0x00090010, "LO", "ACME").element(0x00091001, "OB", first).build()));
        java.nio.file.Files.write(b, DicomBytes.file(EXPLICIT_LE, DicomBytes.explicitLittle()
                .text(0x00090010, "LO", "ACME").element(0x00091001, "OB", DicomBytes.padded(second, 0)).build()));

        DicomInstance fromA = exporting.read(a);
        DicomInstance fromB = exporting.read(b);
        DicomInstance againA = exporting.read(a);

        Tag tag = Tag.of(0x0009, 0x1001);
        assertThat(((Value.Bytes) fromA.dataset().get(tag).value()).bytes()).isEqualTo(first);
        assertThat(((Value.Bytes) fromB.dataset().get(tag).value()).bytes()).isEqualTo(DicomBytes.padded(second, 0));
        assertThat(againA.dataset()).isEqualTo(fromA.dataset());
        assertThat(exporting.read(b).dataset()).isEqualTo(exporting.read(java.nio.file.Files.readAllBytes(b), "b").dataset());
    }

    @Test
    void streamAndFileAndArrayGiveTheSameResult() throws Exception {
        byte[] file = DicomBytes.file(EXPLICIT_LE, sample(DicomBytes.explicitLittle()).build());
        java.nio.file.Path temp = java.nio.file.Files.createTempFile("reader", ".dcm");
        try {
            java.nio.file.Files.write(temp, file);
            DicomDataset fromFile = reader.read(temp).dataset();
            assertThat(reader.read(new java.io.ByteArrayInputStream(file), "s").dataset()).isEqualTo(fromFile);
            assertThat(reader.read(file, "a").dataset()).isEqualTo(fromFile);
            assertThat(reader.read(temp).sizeBytes()).isEqualTo(file.length);
        } finally {
            java.nio.file.Files.delete(temp);
        }
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            } else if (part instanceof Character c) {
                out.write(c);
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void privateBinaryValuesHaveTheirOwnBulkThreshold() {
        byte[] blob = new byte[4096];
        java.util.Arrays.fill(blob, (byte) 7);
        byte[] body = DicomBytes.explicitLittle()
                .text(0x00430010, "LO", "GEMS_PARM_01")
                .element(0x00431029, "OB", blob)
                .element(0x00420011, "OB", blob)
                .build();
        byte[] file = DicomBytes.file(EXPLICIT_LE, body);

        DicomDataset pydicomLike = reader.read(file, "a.dcm").dataset();
        DicomDataset export = new Part10Reader(ReadOptions.forExport(), DataDictionary.standard()).read(file, "a.dcm").dataset();

        assertThat(pydicomLike.get(new Tag(0x00431029)).value()).isInstanceOf(Value.Bulk.class);
        assertThat(export.get(new Tag(0x00431029)).value()).isInstanceOf(Value.Bytes.class);
        assertThat(((Value.Bytes) export.get(new Tag(0x00431029)).value()).bytes()).isEqualTo(blob);
        // a standard binary value (Encapsulated Document) stays bulk data
        assertThat(export.get(new Tag(0x00420011)).value()).isInstanceOf(Value.Bulk.class);
    }
}
