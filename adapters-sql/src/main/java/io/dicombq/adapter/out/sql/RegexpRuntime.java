package io.dicombq.adapter.out.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REGEXP_EXTRACT with a position and occurrence, REGEXP_EXTRACT_ALL and REGEXP_INSTR on STRING, as ZetaSQL runs
 * them (BigQuery docs: REGEXP_EXTRACT…): the search runs on the value from {@code position} on (so {@code ^} matches
 * there), positions count characters, a pattern has at most one capturing group, whose text is the answer when it
 * has one. Matches go left to right, an empty match moving on by one character, until the end of the value.
 * Installed as H2 functions (see {@link BigQueryFunctions#install}); the patterns arrive translated by {@link Re2}.
 * BYTES are matched as Latin-1 text, one character a byte, as RE2 matches them in ZetaSQL.
 */
public final class RegexpRuntime {
    static final String[][] NAMES = {
        {"re_extract_at", "extract"}, {"re_extract_all", "extractAll"}, {"re_instr", "instr"},
        {"re_extract_at_bytes", "extractBytes"}, {"re_extract_all_bytes", "extractAllBytes"},
        {"re_instr_bytes", "instrBytes"}, {"re_contains_bytes", "containsBytes"}, {"re_replace_bytes", "replaceBytes"},
        {"re_java", "javaPattern"}, {"re_java_bytes", "javaPatternOfBytes"},
    };
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private RegexpRuntime() {
    }

    /**
     * A pattern that is not a literal, read as RE2 for each row (see {@link Re2}): an invalid one fails as it does in
     * BigQuery (NULL under {@code SAFE.}), one with a construct the engine does not translate stays a refusal.
     */
    public static String javaPattern(String function, String re) {
        if (re == null) {
            return null;
        }
        try {
            return Re2.translate(function, re).java();
        } catch (io.dicombq.domain.status.DicombqException e) {
            String message = String.valueOf(e.getMessage());
            int refused = message.indexOf(" is not supported by the embedded warehouse");
            if (refused >= 0) {
                throw InvalidValueException.unknownAnswer(message.substring(0, refused));
            }
            throw new InvalidValueException(message);
        }
    }

    /** {@link #javaPattern} of a BYTES pattern, one character a byte. */
    public static String javaPatternOfBytes(String function, byte[] re) {
        return re == null ? null : javaPattern(function, new String(re, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** REGEXP_EXTRACT / REGEXP_SUBSTR: the {@code occurrence}-th match from {@code position}, or NULL. */
    public static String extract(String value, String javaPattern, Long position, Long occurrence) {
        if (value == null || javaPattern == null || position == null || occurrence == null) {
            return null;
        }
        Found found = find(value, javaPattern, position, occurrence, "REGEXP_EXTRACT");
        return found == null ? null : found.text();
    }

    /** REGEXP_EXTRACT_ALL: every match; an empty array (not NULL) for a NULL value or pattern, as ZetaSQL gives. */
    public static String[] extractAll(String value, String javaPattern) {
        if (value == null || javaPattern == null) {
            return new String[0];
        }
        Matcher m = matcher(value, javaPattern);
        List<String> out = new ArrayList<>();
        for (Found found : matches(m, value, Long.MAX_VALUE)) {
            // An unmatched group counts as an empty string here (REGEXP_EXTRACT gives NULL for it).
            out.add(found.text() == null ? "" : found.text());
        }
        return out.toArray(new String[0]);
    }

    /**
     * REGEXP_INSTR: the 1-based character position where the occurrence (or its group) starts, or, with
     * {@code after} 1, where it ends plus one; 0 when there is none.
     */
    public static Long instr(String value, String javaPattern, Long position, Long occurrence, Long after) {
        if (value == null || javaPattern == null || position == null || occurrence == null || after == null) {
            return null;
        }
        if (after != 0 && after != 1) {
            throw new InvalidValueException("Invalid return_position_after_match.");
        }
        Found found = find(value, javaPattern, position, occurrence, "REGEXP_INSTR");
        if (found == null || found.text() == null) {
            return 0L;
        }
        if (found.start() == found.end()) {
            // ZetaSQL's REGEXP_INSTR skips some empty matches ('ab', 'x*', position 2 gives 3): not reproduced.
            throw InvalidValueException.unknownAnswer("REGEXP_INSTR on an empty match");
        }
        int at = after == 1 ? found.end() : found.start();
        return (long) value.codePointCount(0, at) + 1;
    }

    public static byte[] extractBytes(byte[] value, String javaPattern, Long position, Long occurrence) {
        return bytes(extract(StringRuntime.latin1(value), javaPattern, position, occurrence));
    }

    public static byte[][] extractAllBytes(byte[] value, String javaPattern) {
        String[] found = extractAll(StringRuntime.latin1(value), javaPattern);
        byte[][] out = new byte[found.length][];
        for (int i = 0; i < found.length; i++) {
            out[i] = bytes(found[i]);
        }
        return out;
    }

    public static Long instrBytes(byte[] value, String javaPattern, Long position, Long occurrence, Long after) {
        return instr(StringRuntime.latin1(value), javaPattern, position, occurrence, after);
    }

    public static Boolean containsBytes(byte[] value, String javaPattern) {
        return value == null || javaPattern == null ? null : matcher(StringRuntime.latin1(value), javaPattern, false).find();
    }

    public static byte[] replaceBytes(byte[] value, String javaPattern, byte[] replacement) {
        return bytes(TextRuntime.regexpReplace(StringRuntime.latin1(value), javaPattern, StringRuntime.latin1(replacement)));
    }

    private static byte[] bytes(String latin1) {
        return latin1 == null ? null : latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static Found find(String value, String javaPattern, long position, long occurrence, String function) {
        if (position <= 0) {
            throw new InvalidValueException("Position must be positive");
        }
        if (occurrence <= 0) {
            throw new InvalidValueException("Occurrence must be positive");
        }
        int length = value.codePointCount(0, value.length());
        if (position > length && !(length == 0 && position == 1)) {
            return null;
        }
        int offset = value.offsetByCodePoints(0, (int) position - 1);
        String rest = value.substring(offset);
        List<Found> found = matches(matcher(rest, javaPattern), rest, occurrence);
        if (found.size() < occurrence) {
            return null;
        }
        if (occurrence > 1 && found.stream().anyMatch(f -> f.start() == f.end())) {
            throw InvalidValueException.unknownAnswer(function + ": counting empty matches");
        }
        Found last = found.get(found.size() - 1);
        return new Found(last.text(), last.start() + offset, last.end() + offset);
    }

    /** Up to {@code limit} matches in {@code text}; the group's bounds when the pattern has one. */
    private static List<Found> matches(Matcher m, String text, long limit) {
        List<Found> out = new ArrayList<>();
        int at = 0;
        do {
            if (!m.find(at)) {
                break;
            }
            int group = m.groupCount();
            boolean unset = group == 1 && m.start(1) < 0;
            out.add(new Found(m.group(group), unset ? m.start() : m.start(group), unset ? m.end() : m.end(group)));
            at = m.end() > m.start() ? m.end() : m.end() < text.length() ? text.offsetByCodePoints(m.end(), 1) : text.length() + 1;
        } while (at < text.length() && out.size() < limit);
        return out;
    }

    private static Matcher matcher(String value, String javaPattern) {
        return matcher(value, javaPattern, true);
    }

    private static Matcher matcher(String value, String javaPattern, boolean extracting) {
        Matcher m = PATTERNS.computeIfAbsent(javaPattern, Pattern::compile).matcher(value);
        if (extracting && m.groupCount() > 1) {
            throw new InvalidValueException("Regular expressions passed into extraction functions must not have more than 1"
                    + " capturing group");
        }
        return m;
    }

    private record Found(String text, int start, int end) {
    }
}
