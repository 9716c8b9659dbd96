package io.dicombq.adapter.in.emulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads BigQuery's TIMESTAMP literals: canonical text with an optional zone, or epoch seconds. */
final class WireTimestamps {
    // BigQuery canonical form: YYYY-[M]M-[D]D[( |T)[H]H:[M]M[:[S]S[.F]]][time zone]
    private static final Pattern CANONICAL = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?)?");
    private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private WireTimestamps() {
    }

    static Instant parse(String text) {
        String trimmed = text.trim();
        if (EPOCH.matcher(trimmed).matches()) {
            return fromEpochSeconds(new BigDecimal(trimmed));
        }
        Matcher m = CANONICAL.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a BigQuery timestamp: " + text);
        }
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(4) != null) {
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        }
        return LocalDateTime.of(date, time).toInstant(offset(m.group(8)));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** Epoch seconds, fraction allowed; BigQuery keeps microseconds. */
    static Instant fromEpochSeconds(BigDecimal seconds) {
        // decide by the exponent first: rescaling 1e-999999999 would build a power of ten of a billion digits
        int exponent = seconds.precision() - seconds.scale() - 1;
        if (exponent > 12) {
            throw new IllegalArgumentException("epoch seconds out of BigQuery's range (years 0001 to 9999): " + seconds);
        }
        if (exponent < -7) {
            return seconds.signum() < 0 ? Instant.EPOCH.minusNanos(1_000) : Instant.EPOCH;
        }
        BigDecimal micros = seconds.movePointRight(6).setScale(0, RoundingMode.FLOOR);
        long value = micros.longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
    }
}
