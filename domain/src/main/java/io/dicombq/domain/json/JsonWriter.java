package io.dicombq.domain.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A small streaming JSON writer (RFC 8259) for the domain, which may not use a JSON library. It tracks
 * commas itself; callers write names and values in order. Output is compact unless {@code indent} is set.
 * It writes chars to an {@link Appendable}, or UTF-8 bytes to a {@link Utf8Buffer} (the same text, encoded).
 */
public final class JsonWriter {
    private final Appendable out;
    /** {@code out} when it is a StringBuilder (a final class: calls on it are bound at once, and C1 inlines them). */
    private final StringBuilder builder;
    /** The output when it is bytes (then {@code out} and {@code builder} are null). */
    private final Utf8Buffer bytes;
    private final String indent;
    private final boolean[] hasItem = new boolean[256];
    private int depth;
    private boolean afterName;

    private JsonWriter(Appendable out, Utf8Buffer bytes, String indent) {
        this.out = out;
        this.builder = out instanceof StringBuilder b ? b : null;
        this.bytes = bytes;
        this.indent = indent;
    }

    public static JsonWriter compact(Appendable out) {
        return new JsonWriter(out, null, null);
    }

    public static JsonWriter pretty(Appendable out) {
        return new JsonWriter(out, null, "  ");
    }

    public static JsonWriter compact(Utf8Buffer out) {
        return new JsonWriter(null, out, null);
    }

    public static JsonWriter pretty(Utf8Buffer out) {
        return new JsonWriter(null, out, "  ");
    }

    public JsonWriter beginObject() {
        beforeValue();
        raw('{');
        push();
        return this;
    }

    public JsonWriter endObject() {
        pop('}');
        return this;
    }

    public JsonWriter beginArray() {
        beforeValue();
        raw('[');
        push();
        return this;
    }

    public JsonWriter endArray() {
        pop(']');
        return this;
    }

    public JsonWriter name(String name) {
        if (afterName) {
            throw new IllegalStateException("name '" + name + "' follows a name without a value");
        }
        separator();
        string(name);
        raw(':');
        if (indent != null) {
            raw(' ');
        }
        afterName = true;
        return this;
    }

    /**
     * A name the caller knows needs no escaping (printable ASCII without '"' and '\\', such as a DICOM tag's
     * {@code GGGGEEEE}): written without looking for characters to escape.
     */
    public JsonWriter plainName(String name) {
        assert isPlain(name) : name;
        if (afterName) {
            throw new IllegalStateException("name '" + name + "' follows a name without a value");
        }
        separator();
        plain(name);
        raw(':');
        if (indent != null) {
            raw(' ');
        }
        afterName = true;
        return this;
    }

    /** A string value the caller knows needs no escaping (as {@link #plainName}), such as a VR's name or base64. */
    public JsonWriter plainValue(String value) {
        assert isPlain(value) : value;
        beforeValue();
        plain(value);
        return this;
    }

    private static boolean isPlain(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
    }

    private void plain(String text) {
        raw('"');
        raw(text);
        raw('"');
    }

    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    public JsonWriter value(long value) {
        beforeValue();
        decimal(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        raw(value ? "true" : "false");
        return this;
    }

    /** A finite double; NaN and infinities have no JSON form, so they are refused. */
    public JsonWriter value(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no number for " + value);
        }
        beforeValue();
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            decimal((long) value);
            if (value == 0 && 1 / value < 0) {
                return this;
            }
        } else {
            raw(Double.toString(value));
        }
        return this;
    }

    /** A number already formatted as JSON (e.g. a DICOM DS or IS string that was checked to be numeric): ASCII. */
    public JsonWriter numberLiteral(String literal) {
        assert isPlain(literal) : literal; // RFC 8259 6: a number is ASCII digits, signs, '.', 'e'
        beforeValue();
        raw(literal);
        return this;
    }

    public JsonWriter nullValue() {
        beforeValue();
        raw("null");
        return this;
    }

    /** A string value holding {@code data} in base64 (RFC 4648 4, with padding), as DICOM JSON's InlineBinary. */
    public JsonWriter base64Value(byte[] data) {
        beforeValue();
        raw('"');
        if (bytes != null) {
            bytes.base64(data);
        } else {
            raw(Base64.getEncoder().encodeToString(data));
        }
        raw('"');
        return this;
    }

    /** Writes an already serialised JSON value verbatim. */
    public JsonWriter rawValue(String json) {
        beforeValue();
        if (bytes != null) {
            bytes.utf8(json);
        } else {
            raw(json);
        }
        return this;
    }

    /** Appends {@code text} to {@code out} as a quoted JSON string. */
    public static void quote(String text, Appendable out) {
        if (out instanceof StringBuilder builder) {
            quote(text, builder);
            return;
        }
        try {
            out.append(quote(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String quote(String text) {
        StringBuilder builder = new StringBuilder(text.length() + 2);
        quote(text, builder);
        return builder.toString();
    }

    /** Appends {@code text} to {@code out} as a quoted JSON string (RFC 8259 7). */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        int start = 0;
        int length = text.length();
        // scanned as an array: String.charAt is a call with its own checks for each character under C1 (dump)
        char[] chars = new char[length];
        text.getChars(0, length, chars, 0);
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c < '\u2028') {
                // nearly every character: the run is copied in one append below
                continue;
            }
            String escape = escapeOf(c);
            if (escape != null) {
                out.append(chars, start, i - start).append(escape);
                start = i + 1;
            }
        }
        // not append(CharSequence, start, end): JDK 17 copies that char by char through an interface charAt
        if (start == 0) {
            out.append(text);
        } else {
            out.append(chars, start, length - start);
        }
        out.append('"');
    }

    /**
     * Appends {@code text} to {@code out} as a quoted JSON string in UTF-8, escaped as {@link #quote(String,
     * StringBuilder)} escapes it: the String's own encoder makes the bytes, and only the ASCII bytes that need an
     * escape, and U+2028/U+2029 (E2 80 A8/A9), are looked at. The bytes are scanned a word at a time
     * ({@link ByteWords}), and a word is looked at byte by byte only when it holds one of those or a byte outside
     * ASCII: long ASCII values (base64 private values, the bulk of a realistic row) pass at a word per step.
     */
    public static void quote(String text, Utf8Buffer out) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.ascii('"');
        int start = 0;
        int length = utf8.length;
        int lastWord = length - ByteWords.SIZE;
        int i = 0;
        while (i < length) {
            if (i <= lastWord && !mayNeedEscape(ByteWords.at(utf8, i))) {
                i += ByteWords.SIZE;
                continue;
            }
            int stop = Math.min(length, i + ByteWords.SIZE);
            while (i < stop) {
                byte b = utf8[i];
                // UTF-8's multi-byte sequences are all bytes >= 0x80 (negative): only ASCII bytes are ASCII characters
                if ((b >= 0x20 && b != '"' && b != '\\') || (b < 0 && b != (byte) 0xE2)) {
                    i++;
                    continue;
                }
                char c;
                int width = 1;
                if (b == (byte) 0xE2) {
                    if (i + 2 >= length || utf8[i + 1] != (byte) 0x80
                            || (utf8[i + 2] != (byte) 0xA8 && utf8[i + 2] != (byte) 0xA9)) {
                        i++;
                        continue;
                    }
                    c = utf8[i + 2] == (byte) 0xA8 ? '\u2028' : '\u2029';
                    width = 3;
                } else {
                    c = (char) b;
                }
                out.append(utf8, start, i - start);
                out.ascii(escapeOf(c));
                start = i + width;
                i += width;
            }
        }
        out.append(utf8, start, length - start);
        out.ascii('"');
    }

    /** Whether any of the eight bytes of {@code word} is a control character, a quote, a backslash or not ASCII. */
    private static boolean mayNeedEscape(long word) {
        return ByteWords.hasNonAscii(word) || ByteWords.hasBelow(word, 0x20) || ByteWords.has(word, (byte) '"')
                || ByteWords.has(word, (byte) '\\');
    }

    private static String escapeOf(char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            default:
                // RFC 8259 7: control characters must be escaped; U+2028/2029 too, so the output is safe in JavaScript.
                if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                    return String.format("\\u%04x", (int) c);
                }
                return null;
        }
    }

    private void string(String text) {
        if (bytes != null) {
            quote(text, bytes);
        } else if (builder != null) {
            quote(text, builder);
        } else {
            quote(text, out);
        }
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        separator();
    }

    private void separator() {
        if (depth > 0) {
            if (hasItem[depth]) {
                raw(',');
            }
            hasItem[depth] = true;
            newline();
        }
    }

    private void push() {
        depth++;
        if (depth >= hasItem.length) {
            throw new IllegalStateException("JSON nested deeper than " + (hasItem.length - 1) + " levels");
        }
        hasItem[depth] = false;
    }

    private void pop(char close) {
        if (depth == 0) {
            throw new IllegalStateException("unbalanced " + close);
        }
        boolean hadItems = hasItem[depth];
        depth--;
        if (hadItems) {
            newline();
        }
        raw(close);
    }

    private void newline() {
        if (indent != null) {
            raw('\n');
            for (int i = 0; i < depth; i++) {
                raw(indent);
            }
        }
    }

    /** Long.toString's digits: into the bytes without a String on the way. */
    private void decimal(long value) {
        if (bytes != null) {
            bytes.decimal(value);
        } else {
            raw(Long.toString(value));
        }
    }

    /** A structural character ({@code {}[],:"}, a space, a newline): ASCII. */
    private void raw(char c) {
        if (bytes != null) {
            bytes.ascii(c);
            return;
        }
        if (builder != null) {
            builder.append(c);
            return;
        }
        try {
            out.append(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ASCII text: a literal, a number, an escape, an indent, a plain name or value. */
    private void raw(String text) {
        if (bytes != null) {
            bytes.ascii(text);
            return;
        }
        if (builder != null) {
            builder.append(text);
            return;
        }
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
