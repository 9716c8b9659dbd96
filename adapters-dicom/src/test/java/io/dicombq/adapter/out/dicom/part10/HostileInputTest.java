package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.status.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 17: input made to hurt (decompression bombs, huge values, files that only look like DICOM) fails per file. */
class HostileInputTest {
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private final Part10Reader reader = new Part10Reader();

    @TempDir
    Path folder;

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deflated data set holding one private OB value of {@code megabytes} MiB of zeros: it compresses ~1000:1. */
    private static byte[] deflateBomb(int megabytes) {
        long length = (long) megabytes << 20;
        byte[] header = DicomBytes.explicitLittle()
                .text(0x00100010, "PN", "Bomb^Deflate")
                .text(0x00090010, "LO", "BOMB")
                .element(0x00091000, "OB", new byte[0], (int) length)
                .build();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION, true), 1 << 16)) {
            out.write(header);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DicomBytes.file(DEFLATED, deflated.toByteArray());
    }

    @Test
    void aDeflateBombFailsAtTheDocumentedLimitWithoutInflatingItAll() {
        byte[] bomb = deflateBomb(256);
        assertThat(bomb.length).isLessThan(1 << 20);
        Path file = write("bomb.dcm", bomb);
        DicomParseException e = catchThrowableOfType(DicomParseException.class, () -> reader.read(file));
        assertThat(e.reason()).isEqualTo("the deflated data set inflates to more than the header limit of 64 MiB"
                    + " before its pixel data (a decompression bomb?) (ReadOptions.maxHeaderBytes, docs/dicom-reader.md)"
                    + " (offset in the inflated data set)");
        assertThat(e.tag()).isEqualTo(Tag.of(0x0009, 0x1000));
        assertThat(e.toDicombqException().error().code()).isEqualTo(Code.INVALID_ARGUMENT);
        DicomParseException fromStream = catchThrowableOfType(DicomParseException.class,
                () -> reader.read(new ByteArrayInputStream(bomb), "upload"));
        assertThat(fromStream.reason()).startsWith("the deflated data set inflates to more than the header limit of 64 MiB");
    }

    @Test
    void aDeflatedFileUnderTheLimitIsStillRead() {
        byte[] file = deflateBomb(8);
        Part10Reader export = new Part10Reader(ReadOptions.forExport(), DataDictionary.standard());
        assertThat(export.read(write("fine.dcm", file)).dataset().text(Tag.of(0x0010, 0x0010))).isEqualTo("Bomb^Deflate");
        Part10Reader strict = new Part10Reader(ReadOptions.forExport().withMaxHeaderBytes(4 << 20), DataDictionary.standard());
        DicomParseException e = catchThrowableOfType(DicomParseException.class, () -> strict.read(file, "strict.dcm"));
        assertThat(e.reason()).startsWith("the deflated data set inflates to more than the header limit of 4 MiB");
    }

    @Test
    void aValueLargerThanTheLimitIsNotHeldInMemory() {
        Part10Reader small = new Part10Reader(ReadOptions.defaults().withMaxHeaderBytes(1 << 20), DataDictionary.standard());
        byte[] twoMegabytes = new byte[2 << 20];
        java.util.Arrays.fill(twoMegabytes, (byte) 'a');
        byte[] file = DicomBytes.file(EXPLICIT_LE, DicomBytes.explicitLittle().element(0x00204000, "UT", twoMegabytes).build());
        Path path = write("long-text.dcm", file);
        DicomParseException e = catchThrowableOfType(DicomParseException.class, () -> small.read(path));
        assertThat(e.tag()).isEqualTo(Tag.of(0x0020, 0x4000));
        assertThat(e.reason()).isEqualTo("the header holds more than the limit of 1 MiB in memory"
                + " (ReadOptions.maxHeaderBytes, docs/dicom-reader.md)");
        DicomParseException fromStream = catchThrowableOfType(DicomParseException.class,
                () -> small.read(new ByteArrayInputStream(file), "upload"));
        assertThat(fromStream.tag()).isEqualTo(Tag.of(0x0020, 0x4000));
        // bulk data skipped by seeking costs no memory: the same length of OB passes the same limit
        byte[] bulk = DicomBytes.file(EXPLICIT_LE, DicomBytes.explicitLittle().element(0x00091000, "OB", twoMegabytes)
                .text(0x00100010, "PN", "After^Bulk").build());
        assertThat(small.read(write("bulk.dcm", bulk)).dataset().text(Tag.of(0x0010, 0x0010))).isEqualTo("After^Bulk");
        // and the default limit holds it
        assertThat(reader.read(path).dataset().get(Tag.of(0x0020, 0x4000)).value()).isInstanceOf(Value.Text.class);
    }

    @Test
    void aPreambleWithoutDicmIsNotADicomFile() {
        for (int size : new int[] {128, 132, 4096}) {
            DicomParseException e = catchThrowableOfType(DicomParseException.class,
                    () -> reader.read(write("zeros-" + size, new byte[size])));
            assertThat(e.offset()).isZero();
            assertThat(e.reason()).as("%d zero bytes", size).startsWith("not a DICOM file: no \"DICM\" prefix at offset 128"
                    + " and the data starts with zero bytes");
        }
    }
}
