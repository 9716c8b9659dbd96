package io.dicombq.adapter.out.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rewrites an RE2 regular expression (BigQuery's dialect) as a {@link java.util.regex.Pattern} that matches the
 * same strings, or refuses it by name. Where the two dialects read the same text differently, the rewrite spells
 * out RE2's meaning: {@code ^ $} (no line-terminator exceptions), {@code \s} (no vertical tab), {@code \b}
 * (ASCII words), {@code \v}, POSIX classes, a literal {@code [} or {@code &} in a class, a literal {@code {}.
 * Constructs RE2 rejects (backreferences, lookaround, possessive quantifiers) are refused, as BigQuery does.
 */
final class Re2 {
    /** {@code .} stops only at {@code \n} (UNIX_LINES), and case folding is Unicode-wide, as in RE2. */
    private static final String JAVA_FLAGS = "(?du)";
    private static final String SPACE = "\\t\\n\\f\\r ";
    private static final String ANY = "\\x{0}-\\x{10FFFF}";
    private static final String WORD_BOUNDARY = "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))";
    private static final String NOT_WORD_BOUNDARY = "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))";
    private static final Pattern REPEAT = Pattern.compile("\\{([0-9]+)(,([0-9]*))?}");
    /** RE2's largest repetition count. */
    private static final int MAX_REPEAT = 1000;
    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "Alnum"),
            Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"),
            Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"), Map.entry("graph", "Graph"),
            Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("xdigit", "XDigit"));

    /** The translation: the Java pattern text and how many capturing groups it has. */
    record Translation(String java, int groups) {
    }

    /** Flags that change how the rewrite reads the pattern: i (for POSIX case classes) and m (for ^ and $). */
    private record Flags(boolean caseless, boolean multiline) {
    }

    private final String function;
    private final String re;
    private final StringBuilder out = new StringBuilder(JAVA_FLAGS);
    private final Deque<Flags> saved = new ArrayDeque<>();
    private Flags flags = new Flags(false, false);
    private int groups;
    private int i;

    private Re2(String function, String re) {
        this.function = function;
        this.re = re;
    }

    /** Translates {@code re} for {@code function} (named in errors). */
    static Translation translate(String function, String re) {
        Re2 translator = new Re2(function, re);
        translator.run();
        String java = translator.out.toString();
        try {
            Pattern.compile(java);
        } catch (PatternSyntaxException e) {
            throw Translator.invalid(function + ": cannot parse regular expression \"" + re + "\": " + e.getDescription());
        }
        return new Translation(java, translator.groups);
    }

    private void run() {
        while (i < re.length()) {
            char c = re.charAt(i);
            switch (c) {
                case '\\':
                    escape();
                    break;
                case '[':
                    charClass();
                    break;
                case '(':
                    group();
                    break;
                case ')':
                    if (saved.isEmpty()) {
                        throw refuse("an unmatched )");
                    }
                    flags = saved.pop();
                    out.append(')');
                    i++;
                    break;
                case '^':
                    out.append(flags.multiline() ? "(?<![^\\n])" : "\\A");
                    i++;
                    break;
                case '$':
                    out.append(flags.multiline() ? "(?![^\\n])" : "\\z");
                    i++;
                    break;
                case '*':
                case '+':
                case '?':
                    out.append(c);
                    i++;
                    afterQuantifier();
                    break;
                case '{':
                    brace();
                    break;
                default:
                    out.append(c);
                    i++;
                    break;
            }
        }
        if (!saved.isEmpty()) {
            throw refuse("a ( without its )");
        }
    }

    /** After a quantifier only a single {@code ?} (lazy) may follow; RE2 rejects {@code *+}, {@code **}, … */
    private void afterQuantifier() {
        if (i < re.length() && re.charAt(i) == '?') {
            out.append('?');
            i++;
        }
        if (i < re.length() && (re.charAt(i) == '+' || re.charAt(i) == '*' || re.charAt(i) == '?'
                || (re.charAt(i) == '{' && REPEAT.matcher(re).region(i, re.length()).lookingAt()))) {
            throw refuse(re.charAt(i) == '+' ? "possessive quantifiers" : "a repeated repetition operator");
        }
    }

    /** {@code {n}}, {@code {n,}}, {@code {n,m}} repeat; any other brace is a literal in RE2 (and an error in Java). */
    private void brace() {
        Matcher m = REPEAT.matcher(re).region(i, re.length());
        if (!m.lookingAt()) {
            out.append("\\{");
            i++;
            return;
        }
        for (String count : new String[] {m.group(1), m.group(3)}) {
            if (count != null && !count.isEmpty() && (count.length() > 4 || Integer.parseInt(count) > MAX_REPEAT)) {
                throw refuse("a repetition count above " + MAX_REPEAT);
            }
        }
        out.append(m.group());
        i = m.end();
        afterQuantifier();
    }

    private void group() {
        if (!re.startsWith("(?", i)) {
            saved.push(flags);
            groups++;
            out.append('(');
            i++;
            return;
        }
        String rest = re.substring(i);
        if (rest.startsWith("(?P<") || (rest.startsWith("(?<") && !rest.startsWith("(?<=") && !rest.startsWith("(?<!"))) {
            int end = re.indexOf('>', i);
            if (end < 0) {
                throw refuse("an unterminated group name");
            }
            // Names do not change what matches; the group is kept by number.
            saved.push(flags);
            groups++;
            out.append('(');
            i = end + 1;
            return;
        }
        if (rest.startsWith("(?P=")) {
            throw refuse("backreferences");
        }
        if (rest.startsWith("(?=") || rest.startsWith("(?!") || rest.startsWith("(?<=") || rest.startsWith("(?<!")) {
            throw refuse("lookahead and lookbehind");
        }
        if (rest.startsWith("(?>")) {
            throw refuse("atomic groups");
        }
        if (rest.startsWith("(?#")) {
            throw refuse("comments");
        }
        flagGroup();
    }

    /** {@code (?flags)} or {@code (?flags:re)}; m is applied by the rewrite, i and s pass to Java. */
    private void flagGroup() {
        int j = i + 2;
        boolean negate = false;
        boolean caseless = flags.caseless();
        boolean multiline = flags.multiline();
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        while (j < re.length() && re.charAt(j) != ')' && re.charAt(j) != ':') {
            char f = re.charAt(j++);
            switch (f) {
                case '-':
                    if (negate) {
                        throw refuse("a flag group with two '-'");
                    }
                    negate = true;
                    break;
                case 'i':
                    caseless = !negate;
                    (negate ? off : on).append('i');
                    break;
                case 's':
                    (negate ? off : on).append('s');
                    break;
                case 'm':
                    multiline = !negate;
                    break;
                case 'U':
                    throw refuse("the U (ungreedy) flag");
                default:
                    throw refuse("the flag group (?" + f + "…)");
            }
        }
        if (j >= re.length() || (j == i + 2 && re.charAt(j) == ')')) {
            throw refuse("an empty or unterminated flag group");
        }
        boolean scoped = re.charAt(j) == ':';
        String javaFlags = on + (off.length() > 0 ? "-" + off : "");
        Flags inside = new Flags(caseless, multiline);
        if (scoped) {
            saved.push(flags);
            out.append("(?").append(javaFlags).append(':');
        } else if (!javaFlags.isEmpty()) {
            out.append("(?").append(javaFlags).append(')');
        }
        flags = inside;
        i = j + 1;
    }

    private void escape() {
        char e = escaped();
        switch (e) {
            case 'b':
                out.append(WORD_BOUNDARY);
                i += 2;
                return;
            case 'B':
                out.append(NOT_WORD_BOUNDARY);
                i += 2;
                return;
            case 'A':
            case 'z':
                out.append('\\').append(e);
                i += 2;
                return;
            case 'Q':
                int end = re.indexOf("\\E", i + 2);
                String quoted = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
                out.append(Pattern.quote(quoted));
                i = end < 0 ? re.length() : end + 2;
                return;
            default:
                out.append(classEscape(false));
        }
    }

    /** The character after a backslash. */
    private char escaped() {
        if (i + 1 >= re.length()) {
            throw refuse("a trailing backslash");
        }
        return re.charAt(i + 1);
    }

    /** An escape that may stand inside a class: \s \S (RE2's spaces), \p classes and the common escapes. */
    private String classEscape(boolean inClass) {
        switch (escaped()) {
            case 's':
                i += 2;
                return inClass ? SPACE : "[" + SPACE + "]";
            case 'S':
                i += 2;
                return "[^" + SPACE + "]";
            case 'p':
            case 'P':
                return unicodeClass(inClass);
            default:
                return commonEscape(inClass ? "inside" : "outside");
        }
    }

    /** Escapes that mean the same inside and outside a class: character escapes, \d \w and punctuation. */
    private String commonEscape(String where) {
        char e = re.charAt(i + 1);
        i += 2;
        switch (e) {
            case 'a':
            case 'f':
            case 't':
            case 'n':
            case 'r':
            case 'd':
            case 'D':
            case 'w':
            case 'W':
                return "\\" + e;
            case 'v':
                // RE2 \v is the vertical tab; Java's \v is any vertical whitespace.
                return "\\x0B";
            case 'x':
                return "\\x" + hex();
            default:
                if (e >= '0' && e <= '9') {
                    throw refuse(e == '0' ? "octal escapes" : "backreferences (\\" + e + ")");
                }
                if (e < 128 && !Character.isLetterOrDigit(e)) {
                    return "\\" + e;
                }
                throw refuse("the escape \\" + e + " " + where + " a character class");
        }
    }

    /** The hex digits after {@code \x}: {@code {…}} or exactly two. */
    private String hex() {
        if (i < re.length() && re.charAt(i) == '{') {
            int end = re.indexOf('}', i);
            if (end < 0) {
                throw refuse("an unterminated \\x{…}");
            }
            String digits = re.substring(i, end + 1);
            i = end + 1;
            return digits;
        }
        if (i + 2 > re.length()) {
            throw refuse("an incomplete \\x escape");
        }
        String digits = re.substring(i, i + 2);
        i += 2;
        return digits;
    }

    /** {@code \pN}, {@code \p{Name}}, {@code \PN}, {@code \p{^Name}}: general categories and scripts. */
    private String unicodeClass(boolean inClass) {
        boolean negated = re.charAt(i + 1) == 'P';
        i += 2;
        String name;
        if (i < re.length() && re.charAt(i) == '{') {
            int end = re.indexOf('}', i);
            if (end < 0) {
                throw refuse("an unterminated \\p{…}");
            }
            name = re.substring(i + 1, end);
            i = end + 1;
        } else if (i < re.length()) {
            name = String.valueOf(re.charAt(i++));
        } else {
            throw refuse("an incomplete \\p escape");
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String p = negated ? "\\P" : "\\p";
        if (name.equals("Any")) {
            if (negated) {
                throw refuse("\\P{Any}");
            }
            return inClass ? ANY : "[" + ANY + "]";
        }
        if (name.matches("[CLMNPSZ][a-z]?")) {
            return p + "{" + name + "}";
        }
        try {
            Character.UnicodeScript.forName(name);
        } catch (IllegalArgumentException e) {
            throw refuse("the Unicode class \\p{" + name + "}");
        }
        return p + "{script=" + name + "}";
    }

    private void charClass() {
        out.append('[');
        i++;
        if (i < re.length() && re.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            // A ] right after [ or [^ is a literal in RE2.
            out.append("\\]");
            i++;
        }
        while (true) {
            if (i >= re.length()) {
                throw refuse("a [ without its ]");
            }
            char c = re.charAt(i);
            if (c == ']') {
                out.append(']');
                i++;
                return;
            }
            if (c == '[' && re.startsWith("[:", i)) {
                posixClass();
            } else if (c == '[' || c == '&') {
                // Java reads [ as a nested class and && as intersection; in RE2 both are literals.
                out.append('\\').append(c);
                i++;
            } else if (c == '\\') {
                out.append(classEscape(true));
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** {@code [:name:]} and {@code [:^name:]} inside a class: ASCII classes, as Java's POSIX classes are. */
    private void posixClass() {
        int end = re.indexOf(":]", i + 2);
        if (end < 0) {
            out.append("\\[");
            i++;
            return;
        }
        String name = re.substring(i + 2, end);
        boolean negated = name.startsWith("^");
        if (negated) {
            name = name.substring(1);
        }
        if (name.equals("word")) {
            out.append(negated ? "\\W" : "\\w");
        } else if (POSIX.containsKey(name)) {
            if (flags.caseless() && (name.equals("lower") || name.equals("upper"))) {
                throw refuse("[:" + name + ":] under the i flag");
            }
            out.append(negated ? "\\P{" : "\\p{").append(POSIX.get(name)).append('}');
        } else {
            throw refuse("the class [:" + name + ":]");
        }
        i = end + 2;
    }

    private RuntimeException refuse(String construct) {
        return Translator.invalid(function + ": the regular expression \"" + re + "\" uses " + construct
                + ", which RE2 (BigQuery's regular expression syntax) or the embedded engine does not support");
    }
}
