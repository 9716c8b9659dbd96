package io.dicombq.adapter.out.dicom.part10;

import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

/**
 * A DICOM source that cannot be read as a whole: where (source, byte offset, the tag being read) and why.
 * No partial data set comes with it: a reader that throws this has produced nothing.
 */
public final class DicomParseException extends RuntimeException {
    private final String source;
    private final long offset;
    private final Tag tag;
    private final String reason;

    public DicomParseException(String source, long offset, Tag tag, String reason, Throwable cause) {
        super(describe(source, offset, tag, reason), cause);
        this.source = source;
        this.offset = offset;
        this.tag = tag;
        this.reason = reason;
    }

    public DicomParseException(String source, long offset, Tag tag, String reason) {
        this(source, offset, tag, reason, null);
    }

    private static String describe(String source, long offset, Tag tag, String reason) {
        StringBuilder text = new StringBuilder("cannot read DICOM file ").append(source);
        if (offset >= 0) {
            text.append(" at offset ").append(offset);
        }
        if (tag != null) {
            text.append(" in element ").append(tag);
        }
        return text.append(": ").append(reason).toString();
    }

    public String source() {
        return source;
    }

    /** Byte offset where the problem was found (in the inflated data for deflated files), or -1. */
    public long offset() {
        return offset;
    }

    /** The tag of the element being read, or null when the problem is outside any element. */
    public Tag tag() {
        return tag;
    }

    public String reason() {
        return reason;
    }

    /** As a per-instance error: the file is not valid DICOM, so the caller's input is at fault. */
    public DicombqException toDicombqException() {
        return new DicombqException(new RpcError(Code.INVALID_ARGUMENT, getMessage()), this);
    }
}
