package io.dicombq.adapter.out.sql;

/**
 * STRING and BYTES values spelled as GoogleSQL literals, as ZetaSQL writes them for FORMAT's %T: in double quotes,
 * or single quotes when the value holds a double quote and no single one; backslash escapes for the quote, the
 * backslash and control characters; BYTES escape every byte outside printable ASCII as {@code \xhh}.
 */
final class GoogleSqlText {
    private GoogleSqlText() {
    }

    static String quoted(String value) {
        char quote = quoteFor(value.indexOf('"') >= 0, value.indexOf('\'') >= 0);
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                default:
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append(quote).toString();
    }

    static String quoted(byte[] value) {
        boolean doubleQuote = false;
        boolean singleQuote = false;
        for (byte b : value) {
            doubleQuote |= b == '"';
            singleQuote |= b == '\'';
        }
        char quote = quoteFor(doubleQuote, singleQuote);
        return "b" + quote + escaped(value, String.valueOf(quote)) + quote;
    }

    /** The bytes as written between quotes, the {@code quotes} escaped (%t escapes both kinds). */
    static String escaped(byte[] value, String quotes) {
        StringBuilder out = new StringBuilder();
        for (byte b : value) {
            int u = b & 0xff;
            if (u == '\\' || quotes.indexOf(u) >= 0) {
                out.append('\\').append((char) u);
            } else if (u >= 0x20 && u < 0x7f) {
                out.append((char) u);
            } else {
                out.append(String.format("\\x%02x", u));
            }
        }
        return out.toString();
    }

    private static char quoteFor(boolean doubleQuote, boolean singleQuote) {
        return doubleQuote && !singleQuote ? '\'' : '"';
    }
}
