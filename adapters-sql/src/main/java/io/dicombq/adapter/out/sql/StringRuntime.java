package io.dicombq.adapter.out.sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * String and bytes functions with BigQuery's semantics, installed as H2 functions (see
 * {@link BigQueryFunctions#install}): each has a STRING form counting characters and a BYTES form counting bytes,
 * written once over {@link TextUnits}. NULL in any argument gives NULL; errors are BigQuery's (ZetaSQL's) words.
 */
public final class StringRuntime {
    static final String[][] NAMES = {
        {"text_pad", "pad"}, {"bytes_pad", "padBytes"}, {"text_strpos", "strpos"}, {"bytes_strpos", "strposBytes"},
        {"text_instr", "instr"}, {"bytes_instr", "instrBytes"}, {"text_edge", "edge"}, {"bytes_edge", "edgeBytes"},
        {"text_reverse", "reverse"}, {"bytes_reverse", "reverseBytes"}, {"text_repeat", "repeat"},
        {"bytes_repeat", "repeatBytes"}, {"text_trim_chars", "trimChars"}, {"bytes_trim_chars", "trimCharsBytes"},
        {"text_trim_space", "trimSpace"},
        {"text_translate", "translate"}, {"bytes_translate", "translateBytes"}, {"bytes_substr", "substrBytes"},
        {"bytes_replace", "replaceBytes"}, {"bytes_split", "splitBytes"}, {"bytes_starts_with", "startsWithBytes"},
        {"bytes_ends_with", "endsWithBytes"}, {"bytes_length", "lengthBytes"}, {"text_byte_length", "byteLength"},
        {"bytes_case", "caseBytes"}, {"text_initcap", "initcap"}, {"text_ascii", "ascii"}, {"bytes_ascii", "asciiBytes"},
        {"text_chr", "chr"}, {"text_unicode", "unicode"}, {"text_soundex", "soundex"},
        {"text_edit_distance", "editDistance"}, {"bytes_edit_distance", "editDistanceBytes"},
        {"text_length", "length"}, {"bytes_array_to_string", "arrayToStringBytes"},
        {"text_equal_ci", "equalCaseInsensitive"},
    };
    /** BigQuery's limit on the output of LPAD, RPAD and REPEAT. */
    private static final long MAX_OUTPUT = 1 << 20;
    /** Unicode's White_Space characters, which TRIM removes and INITCAP splits words at (as ZetaSQL does). */
    private static final int[] WHITE_SPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001,
        0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
    /** INITCAP's default word delimiters besides whitespace (BigQuery docs: INITCAP). */
    private static final String INITCAP_DELIMITERS = " [](){}/|\\<>!?@\"^#$&~_,.:;*%+-";

    private StringRuntime() {
    }

    // ---- COLLATE 'und:ci'

    /**
     * Equality under {@code 'und:ci'}, ICU's root collation without case differences: the same text is equal, and so
     * is printable ASCII that differs only in letter case (each other printable ASCII character has a weight of its
     * own there). Anything else is refused: ICU ignores control characters and equates compatibility forms
     * (COLLATE('a\u0001', 'und:ci') = 'A' is TRUE), which this rule does not reproduce.
     */
    public static Boolean equalCaseInsensitive(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.equals(b)) {
            return true;
        }
        if (printableAscii(a) && printableAscii(b)) {
            return a.equalsIgnoreCase(b);
        }
        throw InvalidValueException.unknownAnswer("COLLATE 'und:ci' equality of text other than printable ASCII");
    }

    private static boolean printableAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    // ---- LPAD / RPAD

    public static String pad(String value, Long length, String pattern, Boolean left) {
        return anyNull(value, length, pattern) ? null : pad(TextUnits.of(value), length, TextUnits.of(pattern), left).text();
    }

    public static byte[] padBytes(byte[] value, Long length, byte[] pattern, Boolean left) {
        return anyNull(value, length, pattern) ? null : pad(TextUnits.of(value), length, TextUnits.of(pattern), left).byteValue();
    }

    private static TextUnits pad(TextUnits value, long length, TextUnits pattern, boolean left) {
        if (length < 0) {
            throw new InvalidValueException("Second argument (output size) for LPAD/RPAD cannot be negative");
        }
        if (pattern.isEmpty()) {
            throw new InvalidValueException("Third argument (pad pattern) for LPAD/RPAD cannot be empty");
        }
        if (length <= value.length()) {
            return value.slice(0, (int) length);
        }
        int fill = (int) Math.min(length - value.length(), MAX_OUTPUT + 1);
        int[] out = new int[value.length() + fill];
        int at = left ? 0 : value.length();
        for (int i = 0; i < fill; i++) {
            out[at + i] = pattern.units()[i % pattern.length()];
        }
        System.arraycopy(value.units(), 0, out, left ? fill : 0, value.length());
        TextUnits padded = new TextUnits(out, value.bytes());
        if (length > MAX_OUTPUT || padded.storedSize() > MAX_OUTPUT) {
            throw new InvalidValueException("Output of LPAD/RPAD exceeds max allowed output size of 1MB");
        }
        return padded;
    }

    // ---- STRPOS / INSTR

    public static Long strpos(String value, String part) {
        return anyNull(value, part) ? null : instr(TextUnits.of(value), TextUnits.of(part), 1, 1);
    }

    public static Long strposBytes(byte[] value, byte[] part) {
        return anyNull(value, part) ? null : instr(TextUnits.of(value), TextUnits.of(part), 1, 1);
    }

    public static Long instr(String value, String part, Long position, Long occurrence) {
        return anyNull(value, part, position, occurrence) ? null
                : instr(TextUnits.of(value), TextUnits.of(part), position, occurrence);
    }

    public static Long instrBytes(byte[] value, byte[] part, Long position, Long occurrence) {
        return anyNull(value, part, position, occurrence) ? null
                : instr(TextUnits.of(value), TextUnits.of(part), position, occurrence);
    }

    /**
     * INSTR: the 1-based start of the {@code occurrence}-th match, overlapping matches counted, searching forward
     * from {@code position} or, when it is negative, backward from that many characters before the end; 0 if none.
     */
    private static long instr(TextUnits value, TextUnits part, long position, long occurrence) {
        if (position == 0) {
            throw new InvalidValueException("Position must be non-zero");
        }
        if (occurrence <= 0) {
            throw new InvalidValueException("Occurrence must be positive");
        }
        long found = 0;
        if (position > 0) {
            for (long at = position - 1; at <= value.length(); at++) {
                at = value.indexOf(part, (int) at);
                if (at < 0) {
                    return 0;
                }
                if (++found == occurrence) {
                    return at + 1;
                }
            }
            return 0;
        }
        for (long at = value.length() + position + 1; at >= 0; at--) {
            at = value.lastIndexOf(part, (int) at);
            if (at < 0) {
                return 0;
            }
            if (++found == occurrence) {
                return at + 1;
            }
        }
        return 0;
    }

    // ---- LEFT / RIGHT, SUBSTR on BYTES, REVERSE, REPEAT

    public static String edge(String value, Long length, Boolean left) {
        return anyNull(value, length) ? null : edge(TextUnits.of(value), length, left).text();
    }

    public static byte[] edgeBytes(byte[] value, Long length, Boolean left) {
        return anyNull(value, length) ? null : edge(TextUnits.of(value), length, left).byteValue();
    }

    private static TextUnits edge(TextUnits value, long length, boolean left) {
        if (length < 0) {
            throw new InvalidValueException("Second argument in " + (left ? "LEFT" : "RIGHT") + "() cannot be negative");
        }
        int n = (int) Math.min(length, value.length());
        return left ? value.slice(0, n) : value.slice(value.length() - n, value.length());
    }

    /** SUBSTR on BYTES, as on STRING (BigQuery docs: SUBSTR): a position past either end is clamped. */
    public static byte[] substrBytes(byte[] value, Long position, Long length, Boolean hasLength) {
        if (anyNull(value, position) || (hasLength && length == null)) {
            return null;
        }
        if (hasLength && length < 0) {
            throw new InvalidValueException("Third argument in SUBSTR() cannot be negative");
        }
        long count = value.length;
        long start = position > 0 ? position - 1 : position == 0 ? 0 : Math.max(0, count + position);
        if (start >= count) {
            return new byte[0];
        }
        long end = hasLength ? Math.min(count, start + Math.min(length, count)) : count;
        return TextUnits.of(value).slice((int) start, (int) end).byteValue();
    }

    public static String reverse(String value) {
        return value == null ? null : reverse(TextUnits.of(value)).text();
    }

    public static byte[] reverseBytes(byte[] value) {
        return value == null ? null : reverse(TextUnits.of(value)).byteValue();
    }

    private static TextUnits reverse(TextUnits value) {
        int[] out = new int[value.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.units()[out.length - 1 - i];
        }
        return new TextUnits(out, value.bytes());
    }

    public static String repeat(String value, Long count) {
        return anyNull(value, count) ? null : repeat(TextUnits.of(value), count).text();
    }

    public static byte[] repeatBytes(byte[] value, Long count) {
        return anyNull(value, count) ? null : repeat(TextUnits.of(value), count).byteValue();
    }

    private static TextUnits repeat(TextUnits value, long count) {
        if (count < 0) {
            throw new InvalidValueException("Second argument (repeat count) for REPEAT cannot be negative");
        }
        if (value.isEmpty()) {
            return value;
        }
        if (count > MAX_OUTPUT || value.storedSize() * count > MAX_OUTPUT) {
            throw new InvalidValueException("Output of REPEAT exceeds max allowed output size of 1MB");
        }
        int[] out = new int[(int) (value.length() * count)];
        for (int i = 0; i < count; i++) {
            System.arraycopy(value.units(), 0, out, i * value.length(), value.length());
        }
        return new TextUnits(out, value.bytes());
    }

    // ---- TRIM / LTRIM / RTRIM with characters, TRANSLATE

    public static String trimChars(String value, String chars, String side) {
        return anyNull(value, chars) ? null : trim(TextUnits.of(value), TextUnits.of(chars)::contains, side).text();
    }

    public static byte[] trimCharsBytes(byte[] value, byte[] chars, String side) {
        return anyNull(value, chars) ? null : trim(TextUnits.of(value), TextUnits.of(chars)::contains, side).byteValue();
    }

    /** TRIM, LTRIM and RTRIM of a STRING without characters: Unicode's White_Space. */
    public static String trimSpace(String value, String side) {
        return value == null ? null : trim(TextUnits.of(value), StringRuntime::isWhiteSpace, side).text();
    }

    /** {@code side}: L, R or B (both). */
    private static TextUnits trim(TextUnits value, java.util.function.IntPredicate remove, String side) {
        int from = 0;
        int to = value.length();
        while (!side.equals("R") && from < to && remove.test(value.units()[from])) {
            from++;
        }
        while (!side.equals("L") && to > from && remove.test(value.units()[to - 1])) {
            to--;
        }
        return value.slice(from, to);
    }

    private static boolean isWhiteSpace(int c) {
        return java.util.Arrays.binarySearch(WHITE_SPACE, c) >= 0;
    }

    public static String translate(String value, String source, String target) {
        return anyNull(value, source, target) ? null
                : translate(TextUnits.of(value), TextUnits.of(source), TextUnits.of(target)).text();
    }

    public static byte[] translateBytes(byte[] value, byte[] source, byte[] target) {
        return anyNull(value, source, target) ? null
                : translate(TextUnits.of(value), TextUnits.of(source), TextUnits.of(target)).byteValue();
    }

    /** TRANSLATE: each source character becomes the target's at the same place, or is removed past its end. */
    private static TextUnits translate(TextUnits value, TextUnits source, TextUnits target) {
        for (int i = 0; i < source.length(); i++) {
            if (source.slice(0, i).contains(source.units()[i])) {
                int unit = source.units()[i];
                throw new InvalidValueException("Duplicate " + (source.bytes() ? "byte 0x" + String.format("%02x", unit)
                        : "character \"" + new String(Character.toChars(unit)) + "\"") + " in TRANSLATE source "
                        + (source.bytes() ? "bytes" : "characters"));
            }
        }
        int[] out = new int[value.length()];
        int n = 0;
        for (int unit : value.units()) {
            int at = source.indexOf(new TextUnits(new int[] {unit}, source.bytes()), 0);
            if (at < 0) {
                out[n++] = unit;
            } else if (at < target.length()) {
                out[n++] = target.units()[at];
            }
        }
        return new TextUnits(java.util.Arrays.copyOf(out, n), value.bytes());
    }

    // ---- BYTES forms of REPLACE, SPLIT, STARTS_WITH, ENDS_WITH, LENGTH, LOWER, UPPER

    public static byte[] replaceBytes(byte[] value, byte[] from, byte[] to) {
        if (anyNull(value, from, to)) {
            return null;
        }
        TextUnits text = TextUnits.of(value);
        TextUnits search = TextUnits.of(from);
        if (search.isEmpty()) {
            return value;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int position = 0;
        for (int at = text.indexOf(search, 0); at >= 0; at = text.indexOf(search, position)) {
            out.write(value, position, at - position);
            out.writeBytes(to);
            position = at + search.length();
        }
        out.write(value, position, value.length - position);
        return out.toByteArray();
    }

    /** SPLIT on BYTES: an empty delimiter splits into single bytes, an empty value gives one empty value. */
    public static byte[][] splitBytes(byte[] value, byte[] delimiter) {
        if (anyNull(value, delimiter)) {
            return null;
        }
        TextUnits text = TextUnits.of(value);
        TextUnits separator = TextUnits.of(delimiter);
        List<byte[]> parts = new ArrayList<>();
        if (separator.isEmpty() && !text.isEmpty()) {
            for (byte b : value) {
                parts.add(new byte[] {b});
            }
            return parts.toArray(new byte[0][]);
        }
        int from = 0;
        for (int at = separator.isEmpty() ? -1 : text.indexOf(separator, 0); at >= 0; at = text.indexOf(separator, from)) {
            parts.add(text.slice(from, at).byteValue());
            from = at + separator.length();
        }
        parts.add(text.slice(from, text.length()).byteValue());
        return parts.toArray(new byte[0][]);
    }

    public static Boolean startsWithBytes(byte[] value, byte[] prefix) {
        return anyNull(value, prefix) ? null : TextUnits.of(value).startsAt(TextUnits.of(prefix), 0);
    }

    public static Boolean endsWithBytes(byte[] value, byte[] suffix) {
        return anyNull(value, suffix) ? null : TextUnits.of(value).startsAt(TextUnits.of(suffix), value.length - suffix.length);
    }

    /** LENGTH of a STRING: its characters (code points), so an emoji counts once, not as H2's two UTF-16 units. */
    public static Long length(String value) {
        return value == null ? null : (long) value.codePointCount(0, value.length());
    }

    /** ARRAY_TO_STRING of BYTES: as of STRING ({@link ScalarRuntime#arrayToString}), one Latin-1 character a byte. */
    public static byte[] arrayToStringBytes(byte[][] values, byte[] delimiter, byte[] nullText, Boolean hasNullText) {
        String[] texts = values == null ? null : new String[values.length];
        for (int i = 0; texts != null && i < values.length; i++) {
            texts[i] = latin1(values[i]);
        }
        String joined = ScalarRuntime.arrayToString(texts, latin1(delimiter), latin1(nullText), hasNullText);
        return joined == null ? null : joined.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** BYTES as text of one Latin-1 character a byte, the form the regular expressions match them in. */
    static String latin1(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.ISO_8859_1);
    }

    public static Long lengthBytes(byte[] value) {
        return value == null ? null : (long) value.length;
    }

    public static Long byteLength(String value) {
        return value == null ? null : TextUnits.of(value).storedSize();
    }

    /** LOWER and UPPER on BYTES change ASCII letters only (BigQuery docs: LOWER). */
    public static byte[] caseBytes(byte[] value, Boolean upper) {
        if (value == null) {
            return null;
        }
        byte[] out = value.clone();
        for (int i = 0; i < out.length; i++) {
            if (upper && out[i] >= 'a' && out[i] <= 'z') {
                out[i] -= 32;
            } else if (!upper && out[i] >= 'A' && out[i] <= 'Z') {
                out[i] += 32;
            }
        }
        return out;
    }

    // ---- EDIT_DISTANCE

    public static Long editDistance(String a, String b, Long max) {
        return anyNull(a, b) ? null : editDistance(TextUnits.of(a), TextUnits.of(b), max);
    }

    public static Long editDistanceBytes(byte[] a, byte[] b, Long max) {
        return anyNull(a, b) ? null : editDistance(TextUnits.of(a), TextUnits.of(b), max);
    }

    /** EDIT_DISTANCE: Levenshtein's distance (insert, delete, substitute), capped at {@code max} when given. */
    private static long editDistance(TextUnits a, TextUnits b, Long max) {
        if (max != null && max < 0) {
            throw new InvalidValueException("Max distance must be non-negative");
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.units()[i - 1] == b.units()[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        long distance = previous[b.length()];
        return max == null ? distance : Math.min(distance, max);
    }

    // ---- INITCAP, ASCII, CHR, UNICODE, SOUNDEX (STRING)

    /** INITCAP: the first character of each word in upper case (simple case mapping: ǆ gives Ǆ), the others in lower case. */
    public static String initcap(String value, String delimiters, Boolean hasDelimiters) {
        if (value == null || (hasDelimiters && delimiters == null)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (int c : value.codePoints().toArray()) {
            boolean delimiter = hasDelimiters ? delimiters.indexOf(c) >= 0
                    : isWhiteSpace(c) || INITCAP_DELIMITERS.indexOf(c) >= 0;
            if (delimiter) {
                out.appendCodePoint(c);
                wordStart = true;
            } else {
                out.appendCodePoint(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
                wordStart = false;
            }
        }
        return out.toString();
    }

    public static Long ascii(String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return 0L;
        }
        int first = value.codePointAt(0);
        if (first > 127) {
            throw new InvalidValueException("Argument to ASCII is not a structurally valid ASCII string: '" + value + "'");
        }
        return (long) first;
    }

    public static Long asciiBytes(byte[] value) {
        return value == null ? null : value.length == 0 ? 0L : (long) (value[0] & 0xff);
    }

    public static String chr(Long codePoint) {
        if (codePoint == null) {
            return null;
        }
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw new InvalidValueException("Invalid codepoint " + codePoint);
        }
        return new String(Character.toChars(codePoint.intValue()));
    }

    public static Long unicode(String value) {
        return value == null ? null : value.isEmpty() ? 0L : (long) value.codePointAt(0);
    }

    /**
     * SOUNDEX as ZetaSQL computes it: the first ASCII letter as written, then the code of each following letter
     * unless it repeats the last code kept (vowels, H, W and Y have none and separate nothing: 'Tymczak' is T520),
     * padded with 0 to four characters; other characters are skipped.
     */
    public static String soundex(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(4);
        char last = 0;
        for (int i = 0; i < value.length() && out.length() < 4; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                continue;
            }
            char code = "01230120022455012623010202".charAt(Character.toLowerCase(c) - 'a');
            if (out.length() == 0) {
                out.append(c);
                last = code;
            } else if (code == '0') {
                continue;
            } else if (code != last) {
                out.append(code);
                last = code;
            }
        }
        while (out.length() > 0 && out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }

    private static boolean anyNull(Object... values) {
        for (Object value : values) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }
}
