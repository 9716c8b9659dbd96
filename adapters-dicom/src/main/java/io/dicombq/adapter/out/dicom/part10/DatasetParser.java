package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.DataElement;
import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.DictionaryEntry;
import io.dicombq.domain.dicom.PrivateDictionary;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.dicom.Value;
import io.dicombq.domain.dicom.Vr;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads data elements from a {@link ByteInput} into data sets: explicit or implicit VR, either byte order,
 * sequences and items of defined and undefined length read nested to {@link ReadOptions#maxDepth()} (deeper ones
 * skipped and kept unread), bulk data
 * skipped. Every inconsistency is a {@link DicomParseException} naming the offset and the tag.
 */
final class DatasetParser {
    static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITATION = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    private static final int PIXEL_REPRESENTATION = 0x00280103;
    /** End marker for a data set that runs to the end of the data (the top level). */
    private static final long TO_END_OF_DATA = -2;
    /** End marker for an item of undefined length, ended by (FFFE,E00D). */
    private static final long TO_ITEM_DELIMITER = -1;
    /** A standard element stored as UN is re-read with its dictionary VR only up to this size (specification 3.2). */
    private static final int MAX_UN_REREAD = 16 * 1024 * 1024;
    private static final PrivateDictionary PRIVATE_DICTIONARY = PrivateDictionary.standard();

    private final ByteInput in;
    private final String source;
    private final ReadOptions options;
    private final DataDictionary dictionary;
    private final String offsetNote;
    /** The pixel data element reading stopped at, unread; null when it did not stop there. */
    private Tag stoppedAtPixelData;

    DatasetParser(ByteInput in, String source, ReadOptions options, DataDictionary dictionary, boolean inflated) {
        this.in = in;
        this.source = source;
        this.options = options;
        this.dictionary = dictionary;
        this.offsetNote = inflated ? " (offset in the inflated data set)" : "";
    }

    /** The encoding of the elements being read: explicit or implicit VR, byte order. */
    record Syntax(boolean explicitVr, boolean bigEndian) {
        static final Syntax IMPLICIT_LITTLE = new Syntax(false, false);
        static final Syntax EXPLICIT_LITTLE = new Syntax(true, false);
    }

    /** Group 0002, always explicit VR little endian (PS3.10 7.1), read up to the first element of another group. */
    DicomDataset readFileMeta() throws IOException {
        return readDataset(Syntax.EXPLICIT_LITTLE, TO_END_OF_DATA, SpecificCharacterSet.DEFAULT, 0, Scope.FILE_META);
    }

    /** The pixel data element the top-level read stopped at without reading it, or null. */
    Tag stoppedAtPixelData() {
        return stoppedAtPixelData;
    }

    /** The data set, from here to the end of the data (or to pixel data when the options say so). */
    DicomDataset readTopLevel(Syntax syntax) throws IOException {
        return readDataset(syntax, TO_END_OF_DATA, SpecificCharacterSet.DEFAULT, 0, Scope.TOP_LEVEL);
    }

    /** The group of the next element's tag in little endian, or -1 when fewer than 4 bytes remain. */
    int peekGroupLittleEndian() throws IOException {
        if (!in.request(4)) {
            return -1;
        }
        return ByteInput.u16At(in.buffer, in.position, false);
    }

    /**
     * Whether the next 8 bytes are all zero: tag (0000,0000), VR bytes 00 00, length 0, which some toolkits write
     * first. It is 8 bytes of length 0 read either way, so it tells nothing of the VR encoding.
     */
    boolean nextIsZeroElement() throws IOException {
        if (!in.request(8)) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (in.buffer[in.position + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the next element has two upper-case letters where explicit VR puts its VR (PS3.5 7.1.2). */
    boolean nextLooksExplicit() throws IOException {
        if (!in.request(6)) {
            return false;
        }
        return isUpper(in.buffer[in.position + 4]) && isUpper(in.buffer[in.position + 5]);
    }

    private enum Scope { FILE_META, TOP_LEVEL, ITEM }

    /** What earlier elements of a data set tell about reading the later ones. */
    private static final class DatasetState {
        SpecificCharacterSet charset;
        Map<Integer, String> creators;
        /** (0028,0103) Pixel Representation, or -1 when absent; decides US or SS (PS3.5 A.1). */
        int pixelRepresentation;

        DatasetState(SpecificCharacterSet charset, int pixelRepresentation) {
            this.charset = charset;
            this.pixelRepresentation = pixelRepresentation;
        }
    }

    private DicomDataset readDataset(Syntax syntax, long end, SpecificCharacterSet inherited, int depth, Scope scope)
            throws IOException {
        return readDataset(syntax, end, new DatasetState(inherited, -1), depth, scope);
    }

    private DicomDataset readDataset(Syntax syntax, long end, DatasetState parent, int depth, Scope scope)
            throws IOException {
        List<DataElement> elements = new ArrayList<>(scope == Scope.ITEM ? 8 : 64);
        DatasetState state = new DatasetState(parent.charset, parent.pixelRepresentation);
        // the loop stays small: C2 copies a loop once per invariant test in it (unswitching), and the element's
        // reading has several (docs/BENCHMARKS.md, session 9)
        DataElement element;
        while ((element = nextElement(syntax, end, state, depth, scope)) != null) {
            remember(element, state);
            elements.add(element);
        }
        return DicomDataset.of(elements);
    }

    /** The next element of the data set, or null where the data set ends. */
    private DataElement nextElement(Syntax syntax, long end, DatasetState state, int depth, Scope scope)
            throws IOException {
        boolean explicitVr = syntax.explicitVr();
        boolean big = syntax.bigEndian();
        if (end >= 0) {
            if (in.offset() >= end) {
                if (in.offset() > end) {
                    throw fail(in.offset(), null, "the last element runs " + (in.offset() - end)
                            + " bytes past the end of its item");
                }
                return null;
            }
        } else if (!in.request(1)) {
            if (end == TO_ITEM_DELIMITER) {
                throw fail(in.offset(), null, "the data ends inside an item of undefined length"
                        + " (no item delimitation item (FFFE,E00D))");
            }
            return null;
        }
        long start = in.offset();
        if (!in.request(8)) {
            throw fail(start, null, "the data ends inside an element header (" + in.available()
                    + " bytes left where 8 are needed): the file is truncated");
        }
        byte[] b = in.buffer;
        int p = in.position;
        int tag = (ByteInput.u16At(b, p, big) << 16) | ByteInput.u16At(b, p + 2, big);
        if (scope == Scope.FILE_META && (tag >>> 16) != 0x0002) {
            return null;
        }
        if (tag == ITEM_DELIMITATION && end == TO_ITEM_DELIMITER) {
            in.position = p + 8; // PS3.5 7.5.2: the item of undefined length ends here
            return null;
        }
        if ((tag >>> 16) == 0xFFFE) {
            throw fail(start, new Tag(tag), "a delimiter or item tag where a data element was expected");
        }
        if (scope == Scope.TOP_LEVEL && options.stopBeforePixelData() && isPixelData(tag)) {
            requirePixelDataInFile(start, tag, explicitVr, big);
            stoppedAtPixelData = new Tag(tag);
            return null;
        }
        Vr vr;
        long length;
        // pydicom and dcmtk accept writers that switch to implicit VR inside an explicit data set; so do we
        if (explicitVr && isUpper(b[p + 4]) && isUpper(b[p + 5])) {
            vr = Vr.fromCode(b[p + 4], b[p + 5]);
            if (vr == null) {
                throw fail(start, new Tag(tag), "unknown value representation '" + (char) b[p + 4] + (char) b[p + 5] + "'");
            }
            if (vr.hasLongLength()) {
                if (!in.request(12)) {
                    throw fail(start, new Tag(tag), "the data ends inside the element header: the file is truncated");
                }
                b = in.buffer;
                p = in.position;
                length = ByteInput.i32At(b, p + 8, big) & 0xFFFFFFFFL;
                in.position = p + 12;
            } else {
                length = ByteInput.u16At(b, p + 6, big);
                in.position = p + 8;
            }
        } else {
            vr = null;
            length = ByteInput.i32At(b, p + 4, big) & 0xFFFFFFFFL;
            in.position = p + 8;
        }
        try {
            return readElement(tag, vr, length, start, syntax, state, depth, end);
        } catch (EOFException e) {
            throw fail(start, new Tag(tag), "the data ends inside this element: the file is truncated (" + e.getMessage() + ")");
        } catch (HeaderTooLargeException e) {
            throw fail(start, new Tag(tag), e.getMessage());
        }
    }

    /** What an element tells about reading the later elements of its data set. */
    private static void remember(DataElement element, DatasetState state) {
        int tag = element.tag().value();
        if (tag == SPECIFIC_CHARACTER_SET && element.value() instanceof Value.Text text) {
            // PS3.3 C.12.1.1.2: a Specific Character Set in an item applies to that item only
            state.charset = SpecificCharacterSet.of(text.values());
        } else if (tag == PIXEL_REPRESENTATION && element.value() instanceof Value.Ints ints && ints.count() > 0) {
            state.pixelRepresentation = (int) ints.get(0);
        } else if (isPrivateCreatorTag(tag) && element.value() instanceof Value.Text text && !text.values().isEmpty()) {
            if (state.creators == null) {
                state.creators = new HashMap<>(4);
            }
            state.creators.put(tag, text.values().get(0)); // PS3.5 7.8.1: reserves block (gggg,xx00-xxFF)
        }
    }

    /**
     * Reading stops here, but a file whose pixel data is cut short is a damaged instance, not a complete one:
     * when the size is known, a defined pixel data length must fit in it.
     */
    private void requirePixelDataInFile(long start, int tag, boolean explicitVr, boolean big) throws IOException {
        byte[] b = in.buffer;
        int p = in.position;
        long length;
        int header;
        if (explicitVr && isUpper(b[p + 4]) && isUpper(b[p + 5])) {
            if (!in.request(12)) {
                throw fail(start, new Tag(tag), "the data ends inside the element header: the file is truncated");
            }
            b = in.buffer;
            p = in.position;
            length = ByteInput.i32At(b, p + 8, big) & 0xFFFFFFFFL;
            header = 12;
        } else {
            length = ByteInput.i32At(b, p + 4, big) & 0xFFFFFFFFL;
            header = 8;
        }
        long left = in.remainingKnown() - header;
        if (length != UNDEFINED_LENGTH && length > left) {
            throw fail(start, new Tag(tag), "the pixel data is " + length + " bytes long but the file ends " + left
                    + " bytes after its header: the file is truncated");
        }
    }

    private DataElement readElement(int tagValue, Vr explicit, long length, long start, Syntax syntax, DatasetState state,
                                    int depth, long end) throws IOException {
        Tag tag = new Tag(tagValue);
        String creator = privateCreatorOf(tagValue, state.creators);
        SpecificCharacterSet charset = state.charset;
        Vr vr = explicit != null ? explicit : implicitVr(tag, state.pixelRepresentation);
        boolean privateGuess = explicit == null && vr == Vr.UN && creator != null;
        if (privateGuess) {
            vr = privateVr(tag, creator); // specification 3.2: the creator's private dictionary, as pydicom and dcmtk
        }
        long valueOffset = in.offset();
        if (length == UNDEFINED_LENGTH) {
            if (isPixelData(tagValue) || (vr.isBinary() && vr != Vr.UN)) {
                skipEncapsulatedFragments(tag);
                return new DataElement(tag, vr, new Value.Bulk(valueOffset, -1), creator);
            }
            // PS3.5 6.2.2: a UN of undefined length holds a sequence encoded in implicit VR little endian;
            // PS3.5 7.5.1: in implicit VR, undefined length means a sequence whatever the dictionary says
            Syntax itemSyntax = vr == Vr.UN ? Syntax.IMPLICIT_LITTLE : syntax;
            return new DataElement(tag, Vr.SQ, readSequence(tag, UNDEFINED_LENGTH, itemSyntax, state, depth), creator);
        }
        long limit = end >= 0 ? end - valueOffset : in.remainingKnown();
        if (length > limit) {
            throw fail(start, tag, "the value length " + length + " runs past the end of the "
                    + (end >= 0 ? "enclosing item" : "file") + " (" + limit + " bytes left)");
        }
        if (vr == Vr.SQ) {
            return new DataElement(tag, vr, readSequence(tag, length, syntax, state, depth), creator);
        }
        if (vr.isBinary()) {
            Vr known = vr == Vr.UN && explicit != null && length <= MAX_UN_REREAD ? knownVr(tag, creator, state) : Vr.UN;
            if (known != Vr.UN) {
                DataElement reread = rereadUnknown(tag, known, creator, length, syntax, state, depth);
                if (reread != null) {
                    return reread;
                }
            }
            if (length > options.bulkThresholdFor(tag)) {
                in.skip(length);
                return new DataElement(tag, vr, new Value.Bulk(valueOffset, length), creator);
            }
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw fail(start, tag, "a " + vr + " value of " + length + " bytes is too long to hold in memory");
        }
        int size = (int) length;
        in.require(size);
        try {
            Value value = ValueDecoder.decode(vr, in.buffer, in.position, size, syntax.bigEndian(), charset);
            in.position += size;
            return new DataElement(tag, vr, value, creator);
        } catch (ValueDecoder.InvalidValueException e) {
            if (privateGuess) {
                // the bytes do not fit the private dictionary's VR: the element stays what it was, unknown bytes
                return readElement(tagValue, Vr.UN, length, start, syntax, state, depth, end);
            }
            throw fail(start, tag, e.getMessage());
        }
    }

    /** The VR a private creator's dictionary gives this element, UN when the creator or the element is unknown. */
    private static Vr privateVr(Tag tag, String creator) {
        PrivateDictionary.Entry entry = PRIVATE_DICTIONARY.lookup(tag, creator);
        return entry == null ? Vr.UN : entry.vr();
    }

    /** The VR a UN element would have without the UN: the standard dictionary's, or its private creator's. */
    private Vr knownVr(Tag tag, String creator, DatasetState state) {
        if (!tag.isPrivate() || tag.isPrivateCreator()) {
            return implicitVr(tag, state.pixelRepresentation);
        }
        return creator == null ? Vr.UN : privateVr(tag, creator);
    }

    /**
     * specification 3.2: an element stored as UN is read with {@code vr}, its dictionary VR (the standard one, or its
     * private creator's), when the bytes allow; PS3.5 6.2.2: a UN sequence is encoded in implicit VR little endian.
     * Returns null to keep it as UN.
     */
    private DataElement rereadUnknown(Tag tag, Vr vr, String creator, long length, Syntax syntax, DatasetState state,
                                      int depth) throws IOException {
        SpecificCharacterSet charset = state.charset;
        int size = (int) length;
        in.require(size);
        byte[] bytes = in.buffer;
        int at = in.position;
        if (vr == Vr.SQ) {
            ByteInput nested = ByteInput.of(bytes, at, size);
            DatasetParser parser = new DatasetParser(nested, source, options, dictionary, !offsetNote.isEmpty());
            try {
                Value items = parser.readSequence(tag, length, Syntax.IMPLICIT_LITTLE, state, depth);
                in.position = at + size;
                return new DataElement(tag, vr, items, creator);
            } catch (DicomParseException | IOException e) {
                return null; // the bytes are not an implicit VR sequence: keep the element as UN
            }
        }
        if (vr.isBinary() && length > options.bulkThreshold()) {
            long valueOffset = in.offset();
            in.skip(length);
            return new DataElement(tag, vr, new Value.Bulk(valueOffset, length), creator);
        }
        try {
            Value value = ValueDecoder.decode(vr, bytes, at, size, syntax.bigEndian(), charset);
            in.position = at + size;
            return new DataElement(tag, vr, value, creator);
        } catch (ValueDecoder.InvalidValueException e) {
            return null;
        }
    }

    private Value readSequence(Tag tag, long length, Syntax syntax, DatasetState state, int depth)
            throws IOException {
        if (depth >= options.maxDepth()) {
            return skipSequence(tag, length, syntax);
        }
        boolean big = syntax.bigEndian();
        long end = length == UNDEFINED_LENGTH ? -1 : in.offset() + length;
        List<DicomDataset> items = new ArrayList<>(4);
        while (end < 0 || in.offset() < end) {
            long at = in.offset();
            if (!in.request(8)) {
                throw fail(at, tag, end < 0
                        ? "the data ends inside a sequence of undefined length (no sequence delimitation item (FFFE,E0DD))"
                        : "the data ends inside this sequence: the file is truncated");
            }
            int itemTag = (ByteInput.u16At(in.buffer, in.position, big) << 16) | ByteInput.u16At(in.buffer, in.position + 2, big);
            long itemLength = ByteInput.i32At(in.buffer, in.position + 4, big) & 0xFFFFFFFFL;
            in.position += 8;
            if (itemTag == SEQUENCE_DELIMITATION) {
                break; // PS3.5 7.5.2: end of a sequence of undefined length
            }
            if (itemTag == ITEM_DELIMITATION && itemLength == 0) {
                continue; // a stray delimiter after an item of defined length: some writers add it, dcmtk skips it
            }
            if (itemTag != ITEM) {
                throw fail(at, tag, "expected an item (FFFE,E000) in this sequence but found " + new Tag(itemTag));
            }
            if (itemLength == UNDEFINED_LENGTH) {
                items.add(readDataset(syntax, TO_ITEM_DELIMITER, state, depth + 1, Scope.ITEM));
            } else {
                long itemEnd = in.offset() + itemLength;
                if ((end >= 0 && itemEnd > end) || itemLength > in.remainingKnown()) {
                    throw fail(at, tag, "an item of length " + itemLength + " runs past the end of its "
                            + (end >= 0 && itemEnd > end ? "sequence" : "file"));
                }
                items.add(readDataset(syntax, itemEnd, state, depth + 1, Scope.ITEM));
            }
        }
        if (end >= 0 && in.offset() != end) {
            throw fail(in.offset(), tag, "the items run " + (in.offset() - end) + " bytes past the sequence's length");
        }
        return new Value.Items(items);
    }

    /**
     * A sequence nested {@link ReadOptions#maxDepth()} levels deep is skipped, not read, and kept as a sequence whose
     * value was not read ({@link Value.Bulk}): the flattener lists it in DroppedTags, as any element past its own
     * limit (specification 3.8), and hostile nesting costs a scan instead of the stack. An undefined length is
     * scanned to its delimiter, counting the containers of undefined length still open with the syntax of each.
     */
    private Value.Bulk skipSequence(Tag tag, long length, Syntax syntax) throws IOException {
        long start = in.offset();
        if (length != UNDEFINED_LENGTH) {
            in.skip(length);
            return new Value.Bulk(start, length);
        }
        ArrayDeque<Syntax> open = new ArrayDeque<>();
        open.push(syntax);
        while (!open.isEmpty()) {
            Syntax current = open.peek();
            boolean big = current.bigEndian();
            long at = in.offset();
            if (!in.request(8)) {
                throw fail(at, tag, "the data ends inside a sequence of undefined length nested " + options.maxDepth()
                        + " levels deep (no sequence delimitation item (FFFE,E0DD))");
            }
            byte[] b = in.buffer;
            int p = in.position;
            int next = (ByteInput.u16At(b, p, big) << 16) | ByteInput.u16At(b, p + 2, big);
            long nextLength;
            if ((next >>> 16) == 0xFFFE) {
                nextLength = ByteInput.i32At(b, p + 4, big) & 0xFFFFFFFFL;
                in.position = p + 8;
                if (next == ITEM_DELIMITATION || next == SEQUENCE_DELIMITATION) {
                    open.pop();
                    continue;
                }
                if (next != ITEM) {
                    throw fail(at, tag, "expected an item (FFFE,E000) in this sequence but found " + new Tag(next));
                }
                if (nextLength == UNDEFINED_LENGTH) {
                    open.push(current); // an item of undefined length, up to its item delimitation item
                    continue;
                }
            } else if (current.explicitVr() && isUpper(b[p + 4]) && isUpper(b[p + 5])) {
                Vr vr = Vr.fromCode(b[p + 4], b[p + 5]);
                if (vr == null) {
                    throw fail(at, new Tag(next), "unknown value representation '" + (char) b[p + 4] + (char) b[p + 5] + "'");
                }
                if (vr.hasLongLength()) {
                    if (!in.request(12)) {
                        throw fail(at, new Tag(next), "the data ends inside the element header: the file is truncated");
                    }
                    nextLength = ByteInput.i32At(in.buffer, in.position + 8, big) & 0xFFFFFFFFL;
                    in.position += 12;
                } else {
                    nextLength = ByteInput.u16At(b, p + 6, big);
                    in.position = p + 8;
                }
                if (nextLength == UNDEFINED_LENGTH) {
                    // PS3.5 6.2.2: a UN of undefined length holds implicit VR little endian; a sequence or
                    // encapsulated pixel data goes on in the item's syntax
                    open.push(vr == Vr.UN ? Syntax.IMPLICIT_LITTLE : current);
                    continue;
                }
            } else {
                nextLength = ByteInput.i32At(b, p + 4, big) & 0xFFFFFFFFL;
                in.position = p + 8;
                if (nextLength == UNDEFINED_LENGTH) {
                    open.push(current); // PS3.5 7.5.1: in implicit VR, undefined length means a sequence
                    continue;
                }
            }
            if (nextLength > in.remainingKnown()) {
                throw fail(at, tag, "an element of length " + nextLength + " nested " + options.maxDepth()
                        + " levels deep runs past the end of the file");
            }
            in.skip(nextLength);
        }
        return new Value.Bulk(start, in.offset() - start);
    }

    /** PS3.5 A.4: encapsulated pixel data is a run of items (offset table, fragments) up to a sequence delimiter. */
    private void skipEncapsulatedFragments(Tag tag) throws IOException {
        while (true) {
            long at = in.offset();
            if (!in.request(8)) {
                throw fail(at, tag, "the data ends inside encapsulated pixel data (no sequence delimitation item)");
            }
            int itemTag = (ByteInput.u16At(in.buffer, in.position, false) << 16) | ByteInput.u16At(in.buffer, in.position + 2, false);
            long itemLength = ByteInput.i32At(in.buffer, in.position + 4, false) & 0xFFFFFFFFL;
            in.position += 8;
            if (itemTag == SEQUENCE_DELIMITATION) {
                return;
            }
            if (itemTag != ITEM || itemLength == UNDEFINED_LENGTH) {
                throw fail(at, tag, "expected a fragment item (FFFE,E000) of defined length in encapsulated pixel data"
                        + " but found " + new Tag(itemTag));
            }
            if (itemLength > in.remainingKnown()) {
                throw fail(at, tag, "a fragment of " + itemLength + " bytes runs past the end of the file");
            }
            in.skip(itemLength);
        }
    }

    /** The VR an implicit VR element has: from the dictionary for standard tags (PS3.5 A.1), UN when unknown. */
    private Vr implicitVr(Tag tag, int pixelRepresentation) {
        if (tag.isPrivate()) {
            if (tag.element() == 0) {
                return Vr.UL; // PS3.5 7.2: group length
            }
            return tag.isPrivateCreator() ? Vr.LO : Vr.UN; // PS3.5 7.8.1: a private creator is an LO
        }
        DictionaryEntry entry = dictionary.lookup(tag);
        if (entry == null) {
            return Vr.UN;
        }
        List<Vr> vrs = entry.vrs();
        if (vrs.size() == 2 && vrs.get(0) == Vr.US && vrs.get(1) == Vr.SS) {
            // PS3.3 C.11.1.1.1: LUT descriptors are unsigned; other US-or-SS values follow Pixel Representation
            return pixelRepresentation == 1 && !isLutDescriptor(tag.value()) ? Vr.SS : Vr.US;
        }
        if (vrs.size() == 2 && vrs.get(0) == Vr.OB && vrs.get(1) == Vr.OW) {
            return Vr.OW; // PS3.5 A.1: implicit VR pixel, overlay and waveform data are OW
        }
        return entry.vr();
    }

    private static boolean isLutDescriptor(int tag) {
        return tag == 0x00281101 || tag == 0x00281102 || tag == 0x00281103 || tag == 0x00283002;
    }

    private static String privateCreatorOf(int tag, Map<Integer, String> creators) {
        if (creators == null || (tag & 0xFFFF) < 0x1000 || !isPrivateGroup(tag >>> 16)) {
            return null;
        }
        return creators.get((tag & 0xFFFF0000) | ((tag & 0xFF00) >>> 8));
    }

    private static boolean isPrivateCreatorTag(int tag) {
        int element = tag & 0xFFFF;
        return element >= 0x10 && element <= 0xFF && isPrivateGroup(tag >>> 16);
    }

    /** PS3.5 7.8: odd groups other than 0001, 0003, 0005, 0007 and FFFF (the same rule as {@link Tag#isPrivate()}). */
    private static boolean isPrivateGroup(int group) {
        return (group & 1) == 1 && group > 0x0007 && group != 0xFFFF;
    }

    static boolean isPixelData(int tag) {
        return tag == 0x7FE00010 || tag == 0x7FE00008 || tag == 0x7FE00009;
    }

    private static boolean isUpper(byte b) {
        return b >= 'A' && b <= 'Z';
    }

    DicomParseException fail(long offset, Tag tag, String reason) {
        return new DicomParseException(source, offset, tag, reason + offsetNote);
    }
}
