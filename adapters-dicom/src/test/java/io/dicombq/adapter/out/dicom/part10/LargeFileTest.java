package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: a 12,000-frame enhanced multi-frame file and a file with a 100 MB pixel data element are read
 * header-only without reading their pixel data: the bytes this thread allocates stay far below the file size.
 */
class LargeFileTest {
    private static final int FRAMES = 12_000;
    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void twelveThousandFrameMultiFrameFileReadsItsPerFrameHeadersAndSkipsPixelData() throws IOException {
        Path file = temp.resolve("multiframe.dcm");
        int frameBytes = 64 * 64 * 2;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            DicomBytes header = DicomBytes.explicitLittle()
                    .text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.4.1")
                    .text(0x00080018, "UI", "1.2.3.4.5.6")
                    .text(0x0020000D, "UI", "1.2.3")
                    .text(0x0020000E, "UI", "1.2.3.4")
                    .text(0x00280008, "IS", Integer.toString(FRAMES))
                    .us(0x00280010, 64)
                    .us(0x00280011, 64);
            out.write(DicomBytes.file("1.2.840.10008.1.2.1", header.build()));
            // (5200,9230) Per-frame Functional Groups Sequence: one item per frame, undefined lengths as scanners write them
            out.write(DicomBytes.explicitLittle().tag(0x52009230).raw("SQ".getBytes()).u16(0).u32(-1).build());
            for (int frame = 0; frame < FRAMES; frame++) {
                byte[] position = DicomBytes.explicitLittle()
                        .text(0x00200032, "DS", "-125.0\\-125.0\\" + (frame * 0.5)).build();
                byte[] content = DicomBytes.explicitLittle()
                        .element(0x00209157, "UL", new byte[] {(byte) (frame + 1), (byte) ((frame + 1) >>> 8), 0, 0}).build();
                byte[] item = DicomBytes.explicitLittle()
                        .sequence(0x00209111, true, true, content)
                        .sequence(0x00209113, false, false, position)
                        .build();
                out.write(DicomBytes.explicitLittle().tag(0xFFFEE000).u32(item.length).raw(item).build());
            }
            out.write(DicomBytes.explicitLittle().tag(0xFFFEE0DD).u32(0).build());
            long pixelLength = (long) frameBytes * FRAMES;
            out.write(DicomBytes.explicitLittle().tag(0x7FE00010).raw("OW".getBytes()).u16(0).u32((int) pixelLength).build());
            byte[] frame = new byte[frameBytes];
            for (int i = 0; i < FRAMES; i++) {
                out.write(frame);
            }
        }
        assertThat(Files.size(file)).isGreaterThan(98_000_000L);

        long before = allocatedBytes();
        DicomDataset dataset = new Part10Reader().read(file).dataset();
        long allocated = allocatedBytes() - before;

        Value.Items frames = (Value.Items) dataset.get(Tag.of(0x5200, 0x9230)).value();
        assertThat(frames.count()).isEqualTo(FRAMES);
        DicomDataset last = frames.items().get(FRAMES - 1);
        DicomDataset content = ((Value.Items) last.get(Tag.of(0x0020, 0x9111)).value()).items().get(0);
        assertThat(content.get(Tag.of(0x0020, 0x9157)).value()).isEqualTo(Value.Ints.of(FRAMES));
        assertThat(dataset.contains(Tag.PIXEL_DATA)).isFalse();
        // the per-frame headers are metadata and are held; the ~98 MB of frames are not
        assertThat(allocated).isLessThan(Files.size(file) / 2);
    }

    @Test
    void hundredMegabytePixelDataIsSkippedByASeekAndTheElementsAfterItAreRead() throws IOException {
        Path file = temp.resolve("large.dcm");
        byte[] header = DicomBytes.file("1.2.840.10008.1.2.1", DicomBytes.explicitLittle()
                .text(0x00080018, "UI", "1.2.3.4.5.7")
                .us(0x00280010, 5120)
                .tag(0x7FE00010).raw("OW".getBytes()).u16(0).u32((int) HUNDRED_MB)
                .build());
        byte[] trailer = DicomBytes.explicitLittle().element(0xFFFCFFFC, "OB", new byte[4]).build();
        // sparse: the 100 MB of pixel data are a hole in the file, never written or held in memory
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(header));
            channel.position(header.length + HUNDRED_MB);
            channel.write(ByteBuffer.wrap(trailer));
        }
        assertThat(Files.size(file)).isEqualTo(header.length + HUNDRED_MB + trailer.length);

        long before = allocatedBytes();
        DicomDataset headerOnly = new Part10Reader().read(file).dataset();
        Part10Reader everything = new Part10Reader(ReadOptions.defaults().withStopBeforePixelData(false), DataDictionary.standard());
        DicomDataset skipped = everything.read(file).dataset();
        DicomDataset fromStream;
        try (InputStream stream = Files.newInputStream(file)) {
            fromStream = new Part10Reader().read(stream, "stream").dataset();
        }
        long allocated = allocatedBytes() - before;

        assertThat(headerOnly.contains(Tag.PIXEL_DATA)).isFalse();
        assertThat(fromStream).isEqualTo(headerOnly);
        assertThat(skipped.get(Tag.PIXEL_DATA).value()).isEqualTo(new Value.Bulk(header.length, HUNDRED_MB));
        assertThat(skipped.get(Tag.of(0xFFFC, 0xFFFC)).value()).isEqualTo(new Value.Bytes(new byte[4], false));
        assertThat(allocated).as("bytes allocated while reading three times").isLessThan(8L * 1024 * 1024);
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
