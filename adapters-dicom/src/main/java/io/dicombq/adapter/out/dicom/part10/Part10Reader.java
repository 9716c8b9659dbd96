package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DicomInstance;
import io.dicombq.domain.dicom.Tag;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads DICOM Part 10 files (PS3.10 7.1) into the domain's element model, metadata only: bulk data is
 * skipped by seeking and, by default, reading stops at pixel data. Handles the 128-byte preamble or its
 * absence, files without file meta information (encoding guessed from the first element, as pydicom does),
 * implicit/explicit VR, both byte orders, deflated data sets (PS3.5 A.5) and every encapsulated syntax.
 *
 * <p>Thread-safe: each call has its own state. A malformed source gives a {@link DicomParseException} naming
 * the source, the byte offset and the tag; I/O failures give an {@link UncheckedIOException}.
 */
public final class Part10Reader {
    private static final byte[] MAGIC = {'D', 'I', 'C', 'M'};
    private static final int PREAMBLE = 128;

    private final ReadOptions options;
    private final DataDictionary dictionary;

    public Part10Reader(ReadOptions options, DataDictionary dictionary) {
        this.options = Objects.requireNonNull(options, "options");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    }

    /** Default options (stop before pixel data, keep binary values up to 1 KiB) and the standard dictionary. */
    public Part10Reader() {
        this(ReadOptions.defaults(), DataDictionary.standard());
    }

    public ReadOptions options() {
        return options;
    }

    /** The file and its modification time: specification 3.6, a folder store's LastUpdated is that time. */
    public DicomInstance read(Path file) {
        DicomInstance instance = readContent(file);
        try {
            return instance.withLastModified(Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.MICROS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + describe(e), e);
        }
    }

    /** The file's data only, without the system call for its modification time (a dump prints no LastUpdated). */
    public DicomInstance readContent(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteInput in = ByteInput.of(ByteSource.of(channel, size), options.maxHeaderBytes(), ReadBuffers.take());
            try {
                return read(in, file.toString(), size);
            } finally {
                // every value read was copied out of the buffer (ValueDecoder), so the next file may reuse it
                ReadBuffers.give(in.buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Reads a whole file held in memory; {@code source} names it in the result and in errors. */
    public DicomInstance read(byte[] bytes, String source) {
        try {
            return read(ByteInput.of(bytes, 0, bytes.length), source, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads from a stream of unknown length (not closed here). The instance's size is -1: reading stops at
     * pixel data, so the stream's length is not known.
     */
    public DicomInstance read(InputStream stream, String source) {
        try {
            return read(ByteInput.of(ByteSource.of(stream), options.maxHeaderBytes()), source, -1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads from a stream (not closed here) of {@code size} bytes, as its file system reports it: a value running
     * past the end is found as in a file, and the instance's size is {@code size}.
     */
    public DicomInstance read(InputStream stream, String source, long size) {
        try {
            return read(ByteInput.of(ByteSource.of(stream, size), options.maxHeaderBytes()), source, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private DicomInstance read(ByteInput in, String source, long size) throws IOException {
        try {
            return readParts(in, source, size);
        } catch (EOFException e) {
            // every parser path reports truncation itself; this keeps any that slips through typed
            throw new DicomParseException(source, in.offset(), null, "the file is truncated: " + e.getMessage(), e);
        } catch (HeaderTooLargeException e) {
            throw new DicomParseException(source, in.offset(), null, e.getMessage(), e);
        }
    }

    private DicomInstance readParts(ByteInput in, String source, long size) throws IOException {
        DatasetParser parser = new DatasetParser(in, source, options, dictionary, false);
        if (!in.request(1)) {
            throw parser.fail(0, null, "the file is empty");
        }
        skipPreamble(in, parser);
        DicomDataset fileMeta = parser.peekGroupLittleEndian() == 0x0002 ? parser.readFileMeta() : DicomDataset.empty();
        String uid = fileMeta.text(Tag.of(0x0002, 0x0010));
        TransferSyntax syntax = uid != null ? TransferSyntax.ofUid(uid) : guessSyntax(parser);
        DicomDataset dataset;
        Tag unreadPixelData;
        if (syntax.deflated()) {
            // PS3.5 A.5: everything after the file meta information is one raw deflate stream (RFC 1951)
            Inflater inflater = new Inflater(true);
            try {
                InputStream inflating = new InflaterInputStream(in.remainder(), inflater, 16 * 1024);
                ByteInput inflated = ByteInput.of(ByteSource.of(new BoundedInflation(inflating, options.maxHeaderBytes())));
                DatasetParser inner = new DatasetParser(inflated, source, options, dictionary, true);
                dataset = inner.readTopLevel(new DatasetParser.Syntax(true, false));
                unreadPixelData = inner.stoppedAtPixelData();
            } catch (ZipException | EOFException e) {
                // raised by the inflater beneath the parser: the compressed stream is damaged or cut short
                throw parser.fail(in.offset(), null, "the deflated data set is corrupt or truncated: " + e.getMessage());
            } finally {
                inflater.end();
            }
        } else {
            dataset = parser.readTopLevel(actualSyntax(parser, syntax));
            unreadPixelData = parser.stoppedAtPixelData();
        }
        return new DicomInstance(source, fileMeta, dataset, size).withUnreadPixelData(unreadPixelData);
    }

    /** PS3.10 7.1: a 128-byte preamble then "DICM"; files without it (pre-Part 10 or raw data sets) start at once. */
    private static void skipPreamble(ByteInput in, DatasetParser parser) throws IOException {
        if (in.request(PREAMBLE + 4) && hasMagicAt(in, PREAMBLE)) {
            in.skip(PREAMBLE + 4);
            return;
        }
        if (in.request(4) && hasMagicAt(in, 0)) {
            in.skip(4);
            return;
        }
        if (!in.request(8)) {
            throw parser.fail(0, null, "not a DICOM file: " + in.available() + " bytes are too few for one element");
        }
        int littleGroup = ByteInput.u16At(in.buffer, in.position, false);
        int bigGroup = ByteInput.u16At(in.buffer, in.position, true);
        // Without the preamble, accept data that starts the way a data set does: a low even group (0000 to 0008)
        if (!isLeadingGroup(littleGroup) && !isLeadingGroup(bigGroup)) {
            throw parser.fail(0, null, "not a DICOM file: no \"DICM\" prefix at offset 128 and the data does not start"
                    + " with a DICOM element (first bytes " + hex(in) + ")");
        }
        // (0000,0000) would be a group length, UL of 4 bytes (PS3.5 7.2): eight zero bytes are a preamble or a fill,
        // not a data set (issue 17: a 128-byte preamble alone read as {"00000000":{"vr":"UL"}}; pydicom refuses it)
        if (ByteInput.i32At(in.buffer, in.position, false) == 0 && ByteInput.i32At(in.buffer, in.position + 4, false) == 0) {
            throw parser.fail(0, null, "not a DICOM file: no \"DICM\" prefix at offset 128 and the data starts with"
                    + " zero bytes, not a DICOM element (a preamble without its \"DICM\" prefix, or a truncated file?)");
        }
    }

    private static boolean isLeadingGroup(int group) {
        return group <= 0x0008 && (group & 1) == 0;
    }

    private static boolean hasMagicAt(ByteInput in, int at) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (in.buffer[in.position + at + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(ByteInput in) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(8, in.available()); i++) {
            text.append(String.format("%02X", in.buffer[in.position + i] & 0xFF));
        }
        return text.toString();
    }

    /**
     * No transfer syntax UID: like pydicom, explicit VR when the first element carries a VR, implicit VR little
     * endian otherwise; explicit data whose first group reads as 0x0400 or more in little endian is big endian.
     */
    private static TransferSyntax guessSyntax(DatasetParser parser) throws IOException {
        if (!parser.nextLooksExplicit()) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        int group = parser.peekGroupLittleEndian();
        return group >= 0x0400 ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    /**
     * Some writers declare one VR encoding and use the other; the first element tells (pydicom does the same),
     * unless it is the all-zero element some toolkits write first, which reads the same either way (as pydicom
     * and dcmtk keep the declared encoding for it).
     */
    private static DatasetParser.Syntax actualSyntax(DatasetParser parser, TransferSyntax declared) throws IOException {
        boolean explicit = declared.explicitVr();
        if (parser.peekGroupLittleEndian() >= 0 && !parser.nextIsZeroElement()) {
            explicit = parser.nextLooksExplicit();
        }
        return new DatasetParser.Syntax(explicit, declared.bigEndian());
    }
}
