package io.dicombq.adapter.out.dicom.part10;

/**
 * How much of a file the reader keeps.
 *
 * @param stopBeforePixelData stop at the first top-level pixel-data element (7FE0,0008/0009/0010), reading
 *                            nothing after it, like pydicom's {@code stop_before_pixels}; otherwise skip it
 *                            and read on
 * @param bulkThreshold       binary values (OB OD OF OL OV OW UN) longer than this many bytes are skipped and
 *                            recorded as {@code Value.Bulk}; shorter ones are kept
 * @param maxDepth            deepest sequence nesting read; a deeper sequence is skipped and kept unread, so hostile
 *                            nesting costs a scan, not the stack
 * @param privateBulkThreshold the same limit for private elements, whose binary values are metadata an export
 *                            keeps (specification 3.5: base64 in OtherElements)
 * @param maxHeaderBytes      most bytes one read may take from a file or stream into memory, and most bytes a
 *                            deflated data set may inflate to (skipped bulk data included): a guard against
 *                            decompression bombs and huge values; past it the read fails for that file
 */
public record ReadOptions(boolean stopBeforePixelData, int bulkThreshold, int maxDepth, int privateBulkThreshold,
                          long maxHeaderBytes) {
    public static final int DEFAULT_BULK_THRESHOLD = 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Private binary values up to 1 MiB are exported (vendor headers such as Siemens CSA run to tens of KiB). */
    public static final int EXPORT_PRIVATE_BULK_THRESHOLD = 1 << 20;
    /** 64 MiB: real headers, vendor blobs included, take well under a megabyte (docs/dicom-reader.md). */
    public static final long DEFAULT_MAX_HEADER_BYTES = 64L << 20;

    public ReadOptions {
        if (bulkThreshold < 0 || privateBulkThreshold < 0) {
            throw new IllegalArgumentException("bulk thresholds must be >= 0, were " + bulkThreshold + " and "
                    + privateBulkThreshold);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, was " + maxDepth);
        }
        if (maxHeaderBytes < 1) {
            throw new IllegalArgumentException("maxHeaderBytes must be >= 1, was " + maxHeaderBytes);
        }
    }

    /** The default header limit. */
    public ReadOptions(boolean stopBeforePixelData, int bulkThreshold, int maxDepth, int privateBulkThreshold) {
        this(stopBeforePixelData, bulkThreshold, maxDepth, privateBulkThreshold, DEFAULT_MAX_HEADER_BYTES);
    }

    /** One threshold for standard and private binary values. */
    public ReadOptions(boolean stopBeforePixelData, int bulkThreshold, int maxDepth) {
        this(stopBeforePixelData, bulkThreshold, maxDepth, bulkThreshold);
    }

    /** Metadata only: stop before pixel data, keep binary values up to 1 KiB (pydicom's JSON bulk threshold). */
    public static ReadOptions defaults() {
        return new ReadOptions(true, DEFAULT_BULK_THRESHOLD, DEFAULT_MAX_DEPTH);
    }

    /** What an export reads: the defaults, but private binary values up to {@link #EXPORT_PRIVATE_BULK_THRESHOLD}. */
    public static ReadOptions forExport() {
        return defaults().withPrivateBulkThreshold(EXPORT_PRIVATE_BULK_THRESHOLD);
    }

    public ReadOptions withStopBeforePixelData(boolean stop) {
        return new ReadOptions(stop, bulkThreshold, maxDepth, privateBulkThreshold, maxHeaderBytes);
    }

    /** Sets both thresholds. */
    public ReadOptions withBulkThreshold(int threshold) {
        return new ReadOptions(stopBeforePixelData, threshold, maxDepth, threshold, maxHeaderBytes);
    }

    public ReadOptions withPrivateBulkThreshold(int threshold) {
        return new ReadOptions(stopBeforePixelData, bulkThreshold, maxDepth, threshold, maxHeaderBytes);
    }

    public ReadOptions withMaxHeaderBytes(long limit) {
        return new ReadOptions(stopBeforePixelData, bulkThreshold, maxDepth, privateBulkThreshold, limit);
    }

    /** The longest binary value of this element that is kept rather than skipped as bulk data. */
    public int bulkThresholdFor(io.dicombq.domain.dicom.Tag tag) {
        return tag.isPrivate() ? privateBulkThreshold : bulkThreshold;
    }
}
