package io.dicombq.adapter.out.sql;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * DATE_BUCKET, DATETIME_BUCKET and TIMESTAMP_BUCKET, installed in H2: the start of the bucket of width
 * {@code months}/{@code days}/{@code micros} (an INTERVAL with exactly one non-zero part) counted from
 * {@code origin} that holds the value (BigQuery docs: DATE_BUCKET; errors worded as ZetaSQL's reference words them).
 */
public final class BucketRuntime {
    static final String[][] NAMES = {
        {"date_bucket", "dateBucket"}, {"datetime_bucket", "datetimeBucket"}, {"timestamp_bucket", "timestampBucket"},
    };
    private static final LocalDateTime FIRST = LocalDateTime.of(1, 1, 1, 0, 0);
    private static final LocalDateTime LAST = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
    private static final long DAY_MICROS = 86_400_000_000L;

    private BucketRuntime() {
    }

    public static LocalDate dateBucket(LocalDate date, Long months, Long days, Long micros, LocalDate origin) {
        if (!validWidth(date, months, days, micros, origin)) {
            return null;
        }
        if (micros != 0) {
            throw new InvalidValueException("Only MONTH and DAY parts are allowed in bucket width INTERVAL");
        }
        LocalDateTime start = months != 0 ? monthBucket(date.atStartOfDay(), months, origin.atStartOfDay())
                : LocalDate.ofEpochDay(origin.toEpochDay()
                        + Math.multiplyExact(Math.floorDiv(date.toEpochDay() - origin.toEpochDay(), days), days)).atStartOfDay();
        return inRange(start, date).toLocalDate();
    }

    public static LocalDateTime datetimeBucket(LocalDateTime value, Long months, Long days, Long micros, LocalDateTime origin) {
        if (!validWidth(value, months, days, micros, origin)) {
            return null;
        }
        LocalDateTime start = months != 0 ? monthBucket(value, months, origin)
                : microBucket(value, Math.addExact(Math.multiplyExact(days, DAY_MICROS), micros), origin);
        return inRange(start, value);
    }

    public static OffsetDateTime timestampBucket(OffsetDateTime value, Long months, Long days, Long micros, OffsetDateTime origin) {
        if (!validWidth(value, months, days, micros, origin)) {
            return null;
        }
        if (months != 0) {
            throw new InvalidValueException("Bucket width INTERVAL with non-zero MONTH part is not allowed");
        }
        LocalDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime start = microBucket(utc, Math.addExact(Math.multiplyExact(days, DAY_MICROS), micros),
                origin.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        return inRange(start, value).atOffset(ZoneOffset.UTC);
    }

    /** False when an argument is NULL (the result is NULL); an error when the width is not one positive part. */
    private static boolean validWidth(Object value, Long months, Long days, Long micros, Object origin) {
        if (value == null || months == null || days == null || micros == null || origin == null) {
            return false;
        }
        if ((months != 0 ? 1 : 0) + (days != 0 ? 1 : 0) + (micros != 0 ? 1 : 0) != 1) {
            throw new InvalidValueException("Exactly one non-zero INTERVAL part in bucket width is required");
        }
        if (months < 0 || days < 0 || micros < 0) {
            throw new InvalidValueException("Negative bucket width INTERVAL is not allowed");
        }
        return true;
    }

    /** The latest {@code origin + k * months} (the day of month kept to the month's last day) not after the value. */
    private static LocalDateTime monthBucket(LocalDateTime value, long months, LocalDateTime origin) {
        long between = (value.getYear() * 12L + value.getMonthValue()) - (origin.getYear() * 12L + origin.getMonthValue());
        long k = Math.floorDiv(between, months);
        LocalDateTime start = origin.plusMonths(k * months);
        return start.isAfter(value) ? origin.plusMonths((k - 1) * months) : start;
    }

    private static LocalDateTime microBucket(LocalDateTime value, long width, LocalDateTime origin) {
        long between = ChronoUnit.MICROS.between(origin, value);
        return origin.plus(Math.multiplyExact(Math.floorDiv(between, width), width), ChronoUnit.MICROS);
    }

    private static LocalDateTime inRange(LocalDateTime start, Object value) {
        if (start.isBefore(FIRST) || start.isAfter(LAST)) {
            throw new InvalidValueException("Bucket for " + value + " is outside of date range");
        }
        return start;
    }
}
