package io.dicombq.adapter.out.dicom.part10;

import java.io.IOException;

/**
 * A read went past {@link ReadOptions#maxHeaderBytes()}: a decompression bomb or a value too large to hold
 * (issue 17). An IOException so that it leaves the parser from any depth; the reader turns it into a
 * {@link DicomParseException} for that one file.
 */
final class HeaderTooLargeException extends IOException {
    HeaderTooLargeException(String reason) {
        super(reason + " (ReadOptions.maxHeaderBytes, docs/dicom-reader.md)");
    }

    static String limit(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
