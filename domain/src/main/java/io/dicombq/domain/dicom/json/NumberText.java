package io.dicombq.domain.dicom.json;

/**
 * IS and DS text as JSON numbers (PS3.18 F.2.3). Scanned by hand rather than with regular expressions: dump and
 * the JSON layout write one such value per numeric element, and a cold JVM pays dearly for regex matching.
 */
final class NumberText {
    private NumberText() {
    }

    /**
     * PS3.5 6.2: IS is an optionally signed integer ({@code [+-]?[0-9]+}); DS a fixed or floating point decimal
     * ({@code [+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?}).
     */
    static boolean isNumber(String text, boolean decimal) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (!decimal) {
            return digits > 0 && i == length;
        }
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == length;
    }

    /**
     * Rewrites an IS/DS literal that {@link #isNumber} accepted into RFC 8259 number syntax: no '+', no leading
     * zeros, no bare '.' (a digit is added before a leading '.' and after a trailing one).
     */
    static String jsonNumber(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 2);
        int i = 0;
        int length = literal.length();
        if (literal.charAt(0) == '+') {
            i++;
        } else if (literal.charAt(0) == '-') {
            out.append('-');
            i++;
        }
        // leading zeros go, but a zero stays before a point, an exponent or the end
        while (i < length - 1 && literal.charAt(i) == '0' && isDigit(literal.charAt(i + 1))) {
            i++;
        }
        if (literal.charAt(i) == '.') {
            out.append('0');
        }
        for (; i < length; i++) {
            char c = literal.charAt(i);
            out.append(c);
            if (c == '.' && (i + 1 == length || !isDigit(literal.charAt(i + 1)))) {
                out.append('0');
            }
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
