package io.dicombq.domain.flatten;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Parses DA, TM and DT values (PS3.5 6.2) into BigQuery DATE, TIME and TIMESTAMP values. Every parser
 * returns null for a value it cannot read; the caller then lists the element in DroppedTags.
 */
public final class DicomDateTime {
    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;

    private DicomDateTime() {
    }

    /** PS3.5 6.2 DA: {@code YYYYMMDD}; the ACR-NEMA form {@code YYYY.MM.DD} is read too. */
    public static LocalDate date(String text) {
        if (text.length() == 10 && text.charAt(4) == '.' && text.charAt(7) == '.') {
            text = text.substring(0, 4) + text.substring(5, 7) + text.substring(8, 10);
        }
        if (text.length() != 8 || !allDigits(text, 0, 8)) {
            return null;
        }
        return dateOf(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8));
    }

    /**
     * PS3.5 6.2 TM: {@code HH[MM[SS[.F{1,6}]]]}, missing parts being 0. The ACR-NEMA form
     * {@code HH:MM[:SS[.F]]} (PS3.5 6.2 note) is read too; a leap second (SS = 60) has no TIME and is refused.
     */
    public static LocalTime time(String text) {
        if (text.length() >= 5 && text.charAt(2) == ':') {
            text = text.substring(0, 2) + text.substring(3, 5)
                    + (text.length() >= 8 && text.charAt(5) == ':' ? text.substring(6) : text.substring(5));
        }
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        int length = whole.length();
        if ((length != 2 && length != 4 && length != 6) || !allDigits(whole, 0, length)) {
            return null;
        }
        int nanos = 0;
        if (dot >= 0) {
            if (length != 6) {
                return null;
            }
            String fraction = text.substring(dot + 1);
            nanos = fractionNanos(fraction);
            if (nanos < 0) {
                return null;
            }
        }
        int hour = number(whole, 0, 2);
        int minute = length >= 4 ? number(whole, 2, 4) : 0;
        int second = length >= 6 ? number(whole, 4, 6) : 0;
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    /**
     * PS3.5 6.2 DT: {@code YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]}, missing month and day being 1 and
     * missing time parts 0, converted to UTC with the value's own offset, else {@code defaultOffset}
     * (from Timezone Offset From UTC), else UTC.
     */
    public static Instant timestamp(String text, ZoneOffset defaultOffset) {
        ZoneOffset offset = defaultOffset == null ? ZoneOffset.UTC : defaultOffset;
        int sign = Math.max(text.indexOf('+', 4), text.indexOf('-', 4));
        String local = text;
        if (sign >= 0) {
            offset = offset(text.substring(sign));
            if (offset == null) {
                return null;
            }
            local = text.substring(0, sign);
        }
        int dot = local.indexOf('.');
        String whole = dot < 0 ? local : local.substring(0, dot);
        int length = whole.length();
        if (length < 4 || length > 14 || length % 2 != 0 || !allDigits(whole, 0, length)) {
            return null;
        }
        int nanos = 0;
        if (dot >= 0) {
            if (length != 14) {
                return null;
            }
            nanos = fractionNanos(local.substring(dot + 1));
            if (nanos < 0) {
                return null;
            }
        }
        LocalDate date = dateOf(number(whole, 0, 4), length >= 6 ? number(whole, 4, 6) : 1,
                length >= 8 ? number(whole, 6, 8) : 1);
        int hour = length >= 10 ? number(whole, 8, 10) : 0;
        int minute = length >= 12 ? number(whole, 10, 12) : 0;
        int second = length >= 14 ? number(whole, 12, 14) : 0;
        if (date == null || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        Instant instant = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos)).toInstant(offset);
        int utcYear = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).getYear();
        return utcYear < MIN_YEAR || utcYear > MAX_YEAR ? null : instant;
    }

    /** PS3.5 6.2 {@code &ZZXX}: a sign and four digits, -1200 to +1400; null when malformed. */
    public static ZoneOffset offset(String text) {
        if (text.length() != 5 || (text.charAt(0) != '+' && text.charAt(0) != '-') || !allDigits(text, 1, 5)) {
            return null;
        }
        int hours = number(text, 1, 3);
        int minutes = number(text, 3, 5);
        int total = (hours * 60 + minutes) * (text.charAt(0) == '-' ? -1 : 1);
        if (minutes > 59 || total < -12 * 60 || total > 14 * 60) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds(total * 60);
    }

    private static LocalDate dateOf(int year, int month, int day) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** One to six fraction digits as nanoseconds, or -1. */
    private static int fractionNanos(String fraction) {
        if (fraction.isEmpty() || fraction.length() > 6 || !allDigits(fraction, 0, fraction.length())) {
            return -1;
        }
        int value = Integer.parseInt(fraction);
        for (int i = fraction.length(); i < 9; i++) {
            value *= 10;
        }
        return value;
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
