package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad input gets a typed error naming the source, the offset and the tag; never a partial data set. */
class MalformedInputTest {
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private final Part10Reader reader = new Part10Reader();

    private DicomParseException failure(byte[] bytes) {
        return catchThrowableOfType(DicomParseException.class, () -> reader.read(bytes, "bad.dcm"));
    }

    @Test
    void emptyFile() {
        DicomParseException e = failure(new byte[0]);
        assertThat(e.getMessage()).isEqualTo("cannot read DICOM file bad.dcm at offset 0: the file is empty");
    }

    @Test
    void textThatIsNotDicom() {
        DicomParseException e = failure("hello, this is a plain text file and not an image at all\n".repeat(5).getBytes());
        assertThat(e.reason()).startsWith("not a DICOM file: no \"DICM\" prefix at offset 128");
        assertThat(e.source()).isEqualTo("bad.dcm");
    }

    @Test
    void truncatedInsideAValue() {
        byte[] file = DicomBytes.file(EXPLICIT_LE, DicomBytes.explicitLittle().text(0x00100010, "PN", "Doe^John").build());
        DicomParseException e = failure(Arrays.copyOf(file, file.length - 3));
        assertThat(e.tag()).isEqualTo(Tag.of(0x0010, 0x0010));
        assertThat(e.offset()).isEqualTo(file.length - 8 - 8);
        assertThat(e.reason()).contains("runs past the end of the file");
    }

    @Test
    void truncatedInsideAnElementHeader() {
        byte[] file = DicomBytes.file(EXPLICIT_LE, DicomBytes.explicitLittle().text(0x00100010, "PN", "Doe^John").build());
        DicomParseException e = failure(Arrays.copyOf(file, file.length - 12));
        assertThat(e.reason()).contains("the data ends inside an element header").contains("truncated");
    }

    @Test
    void absurdLengthFromAFileOrAStreamFailsWithoutAllocatingIt() {
        byte[] body = DicomBytes.explicitLittle().element(0x00081030, "UT", new byte[8], 0xFFFFFFF0).build();
        byte[] file = DicomBytes.file(EXPLICIT_LE, body);
        assertThat(failure(file).reason()).contains("the value length 4294967280 runs past the end of the file");
        // a stream does not know its length: the reader must notice the end instead of allocating what the length says
        DicomParseException fromStream = catchThrowableOfType(DicomParseException.class,
                () -> reader.read(new ByteArrayInputStream(file), "upload"));
        assertThat(fromStream.tag()).isEqualTo(Tag.of(0x0008, 0x1030));
        assertThat(fromStream.reason()).isEqualTo("a UT value of 4294967280 bytes is too long to hold in memory");
        byte[] twoGigabytes = DicomBytes.file(EXPLICIT_LE,
                DicomBytes.explicitLittle().element(0x00081030, "UT", new byte[8], 0x7FFF0000).build());
        DicomParseException streamEnds = catchThrowableOfType(DicomParseException.class,
                () -> reader.read(new ByteArrayInputStream(twoGigabytes), "upload"));
        assertThat(streamEnds.reason()).startsWith("the data ends inside this element: the file is truncated");
    }

    @Test
    void valueLengthThatIsNotAMultipleOfTheVrSize() {
        byte[] body = DicomBytes.explicitLittle().element(0x00280010, "US", new byte[] {1, 2, 3}).build();
        DicomParseException e = failure(DicomBytes.file(EXPLICIT_LE, body));
        assertThat(e.tag()).isEqualTo(Tag.of(0x0028, 0x0010));
        assertThat(e.reason()).isEqualTo("a US value is a multiple of 2 bytes long, but this one has 3 bytes");
    }

    @Test
    void itemOfUndefinedLengthWithoutDelimiter() {
        byte[] body = DicomBytes.explicitLittle().element(0x00081032, "SQ",
                DicomBytes.explicitLittle().tag(0xFFFEE000).u32(-1).text(0x00080100, "SH", "A").build(), -1).build();
        assertThat(failure(DicomBytes.file(EXPLICIT_LE, body)).reason())
                .contains("the data ends inside an item of undefined length");
    }

    @Test
    void somethingOtherThanAnItemInsideASequence() {
        byte[] body = DicomBytes.explicitLittle().element(0x00081032, "SQ",
                DicomBytes.explicitLittle().text(0x00080100, "SH", "A").build()).build();
        DicomParseException e = failure(DicomBytes.file(EXPLICIT_LE, body));
        assertThat(e.tag()).isEqualTo(Tag.of(0x0008, 0x1032));
        assertThat(e.reason()).isEqualTo("expected an item (FFFE,E000) in this sequence but found (0008,0100)");
    }

    @Test
    void unknownValueRepresentation() {
        byte[] body = DicomBytes.explicitLittle().element(0x00100010, "QQ", new byte[2]).build();
        assertThat(failure(DicomBytes.file(EXPLICIT_LE, body)).reason()).isEqualTo("unknown value representation 'QQ'");
    }

    @Test
    void aSequenceNestedPastTheLimitWithoutItsDelimiterIsTruncation() {
        byte[] item = DicomBytes.explicitLittle().text(0x00080100, "SH", "leaf").build();
        for (int i = 0; i < 70; i++) {
            item = DicomBytes.explicitLittle().sequence(0x00400260, true, true, item).build();
        }
        // the last eight bytes are the outermost sequence's delimiter: without it the scan of the deep ones ends first
        DicomParseException e = failure(DicomBytes.file(EXPLICIT_LE, Arrays.copyOf(item, item.length - 8)));
        assertThat(e.reason()).contains("the data ends inside");
    }

    @Test
    void corruptDeflateStream() {
        byte[] garbage = new byte[64];
        new Random(1).nextBytes(garbage);
        assertThat(failure(DicomBytes.file("1.2.840.10008.1.2.1.99", garbage)).reason()).startsWith("the deflated data set is corrupt or truncated")
                .as("or at least a typed error");
    }

    /**
     * Real files cut short at many places or with bytes overwritten at random: each read either succeeds or
     * throws {@link DicomParseException}, never another exception, however the bytes lie.
     */
    @Test
    void truncatedAndCorruptedCorpusFilesOnlyEverGiveTypedErrors() throws IOException {
        List<String> samples = List.of("test_files/CT_small.dcm", "test_files/MR_small_bigendian.dcm",
                "test_files/image_dfl.dcm", "test_files/rtplan.dcm", "test_files/JPEG2000.dcm",
                "test_files/priv_SQ.dcm", "charset_files/chrSQEncoding.dcm", "test_files/dicomdirtests/DICOMDIR");
        Random random = new Random(42);
        int typedErrors = 0;
        for (String sample : samples) {
            byte[] original = Files.readAllBytes(PydicomCorpus.file(sample));
            for (int cut = 0; cut < original.length; cut += Math.max(1, original.length / 300)) {
                typedErrors += readsOrFailsTyped(Arrays.copyOf(original, cut));
            }
            for (int round = 0; round < 200; round++) {
                byte[] corrupted = original.clone();
                for (int flips = 0; flips < 1 + random.nextInt(4); flips++) {
                    corrupted[132 + random.nextInt(corrupted.length - 132)] = (byte) random.nextInt(256);
                }
                typedErrors += readsOrFailsTyped(corrupted);
                typedErrors += readsOrFailsTypedFromStream(corrupted);
            }
        }
        assertThat(typedErrors).as("corruptions that were detected").isGreaterThan(1000);
    }

    private int readsOrFailsTyped(byte[] bytes) {
        try {
            reader.read(bytes, "fuzz");
            return 0;
        } catch (DicomParseException expected) {
            assertThat(expected.getMessage()).startsWith("cannot read DICOM file fuzz");
            return 1;
        }
    }

    private int readsOrFailsTypedFromStream(byte[] bytes) {
        try (InputStream stream = new ByteArrayInputStream(bytes)) {
            reader.read(stream, "fuzz");
            return 0;
        } catch (DicomParseException expected) {
            return 1;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingFileIsAnIoErrorNotAParseError() {
        assertThatThrownBy(() -> reader.read(Path.of("/nonexistent/x.dcm")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot read /nonexistent/x.dcm: no such file");
    }
}
