package io.dicombq.adapter.in.emulator;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How TIMESTAMP cells are written in a response (BigQuery REST, DataFormatOptions): {@code useInt64Timestamp}, or
 * the newer {@code timestampOutputFormat}, whose unspecified value is the historic float seconds.
 */
enum TimestampFormat {
    /** Epoch seconds as a float text ({@code "1.4338368E9"}): the default. */
    FLOAT64,
    /** Epoch microseconds as an integer text. */
    INT64,
    /** {@code YYYY-MM-DDTHH:MM:SS.ffffffZ} in UTC. */
    ISO8601_STRING;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** From the two request options: an explicit {@code timestampOutputFormat} is the more precise one and wins. */
    static TimestampFormat of(boolean useInt64Timestamp, String timestampOutputFormat) {
        if (timestampOutputFormat == null || timestampOutputFormat.isEmpty()
                || timestampOutputFormat.equals("TIMESTAMP_OUTPUT_FORMAT_UNSPECIFIED")) {
            return useInt64Timestamp ? INT64 : FLOAT64;
        }
        try {
            return valueOf(timestampOutputFormat.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "formatOptions.timestampOutputFormat '" + timestampOutputFormat
                    + "' is not one of TIMESTAMP_OUTPUT_FORMAT_UNSPECIFIED, FLOAT64, INT64, ISO8601_STRING");
        }
    }

    String text(Instant instant) {
        return switch (this) {
            case FLOAT64 -> WireValues.epochSeconds(instant);
            case INT64 -> Long.toString(WireValues.epochMicros(instant));
            case ISO8601_STRING -> ISO.format(instant);
        };
    }
}
