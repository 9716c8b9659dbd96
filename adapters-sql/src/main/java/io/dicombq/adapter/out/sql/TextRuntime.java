package io.dicombq.adapter.out.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REPLACE, SPLIT and REGEXP_REPLACE with BigQuery's semantics (BigQuery docs: string functions), installed as H2
 * functions (see {@link BigQueryFunctions#install}). Each returns NULL when an argument is NULL.
 */
public final class TextRuntime {
    static final String[][] NAMES = {
        {"replace_all", "replace"}, {"split_string", "split"}, {"re_replace", "regexpReplace"},
    };
    /** Patterns already compiled, by their Java spelling (a query uses one pattern for every row). */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private TextRuntime() {
    }

    /** REPLACE: every non-overlapping occurrence, left to right; an empty {@code from} changes nothing. */
    public static String replace(String value, String from, String to) {
        if (value == null || from == null || to == null) {
            return null;
        }
        return from.isEmpty() ? value : value.replace(from, to);
    }

    /** SPLIT: an empty value gives one empty string; an empty delimiter splits into characters. */
    public static String[] split(String value, String delimiter) {
        if (value == null || delimiter == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            if (value.isEmpty()) {
                return new String[] {""};
            }
            value.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
            return parts.toArray(new String[0]);
        }
        int from = 0;
        while (true) {
            int at = value.indexOf(delimiter, from);
            if (at < 0) {
                parts.add(value.substring(from));
                return parts.toArray(new String[0]);
            }
            parts.add(value.substring(from, at));
            from = at + delimiter.length();
        }
    }

    /**
     * REGEXP_REPLACE as RE2's global replace does it: {@code \1}…{@code \9} insert a group, {@code \0} the match,
     * {@code \\} a backslash; an empty match right after the previous match is skipped.
     */
    public static String regexpReplace(String value, String javaPattern, String replacement) {
        if (value == null || javaPattern == null || replacement == null) {
            return null;
        }
        Matcher m = PATTERNS.computeIfAbsent(javaPattern, Pattern::compile).matcher(value);
        checkRewrite(replacement, m.groupCount());
        StringBuilder out = new StringBuilder();
        int position = 0;
        int lastEnd = -1;
        while (position <= value.length() && m.find(position)) {
            out.append(value, position, m.start());
            if (m.start() == m.end() && m.start() == lastEnd) {
                if (m.start() >= value.length()) {
                    position = value.length() + 1;
                    break;
                }
                int next = value.offsetByCodePoints(m.start(), 1);
                out.append(value, m.start(), next);
                position = next;
                continue;
            }
            rewrite(out, replacement, m);
            position = m.end();
            lastEnd = position;
        }
        if (position < value.length()) {
            out.append(value, position, value.length());
        }
        return out.toString();
    }

    private static void checkRewrite(String replacement, int groups) {
        for (int i = 0; i < replacement.length(); i++) {
            if (replacement.charAt(i) == '\\') {
                char next = i + 1 < replacement.length() ? replacement.charAt(i + 1) : 0;
                if (next >= '0' && next <= '9') {
                    if (next - '0' > groups) {
                        throw new InvalidValueException("REGEXP_REPLACE: the replacement refers to group \\" + next
                                + " but the regular expression has " + groups + " capturing group(s)");
                    }
                } else if (next != '\\') {
                    throw new InvalidValueException("REGEXP_REPLACE: invalid replacement \"" + replacement
                            + "\": a backslash must be followed by a digit or another backslash");
                }
                i++;
            }
        }
    }

    private static void rewrite(StringBuilder out, String replacement, Matcher m) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                char next = replacement.charAt(++i);
                if (next == '\\') {
                    out.append('\\');
                } else {
                    String group = m.group(next - '0');
                    out.append(group == null ? "" : group);
                }
            } else {
                out.append(c);
            }
        }
    }
}
