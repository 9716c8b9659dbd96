package io.dicombq.adapter.out.dicom.part10;

/**
 * How much of a file the reader keeps.
 *
 * @param stopBeforePixelData stop at the first top-level pixel-data element (7FE0,0008/0009/0010), reading
 *                            nothing after it, like pydicom's {@code stop_before_pixels}; otherwise skip it
 *                            and read on
 * @param bulkThreshold       binary values (OB OD OF OL OV OW UN) longer than this many bytes are skipped and
 *                            recorded as {@code Value.Bulk}; shorter ones are kept
 * @param maxDepth            deepest sequence nesting accepted, a guard against hostile input
 */
public record ReadOptions(boolean stopBeforePixelData, int bulkThreshold, int maxDepth) {
    public static final int DEFAULT_BULK_THRESHOLD = 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;

    public ReadOptions {
        if (bulkThreshold < 0) {
            throw new IllegalArgumentException("bulkThreshold must be >= 0, was " + bulkThreshold);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, was " + maxDepth);
        }
    }

    /** Metadata only: stop before pixel data, keep binary values up to 1 KiB. */
    public static ReadOptions defaults() {
        return new ReadOptions(true, DEFAULT_BULK_THRESHOLD, DEFAULT_MAX_DEPTH);
    }

    public ReadOptions withStopBeforePixelData(boolean stop) {
        return new ReadOptions(stop, bulkThreshold, maxDepth);
    }

    public ReadOptions withBulkThreshold(int threshold) {
        return new ReadOptions(stopBeforePixelData, threshold, maxDepth);
    }
}
