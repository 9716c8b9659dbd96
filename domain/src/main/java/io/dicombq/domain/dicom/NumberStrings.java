package io.dicombq.domain.dicom;

/**
 * The number grammars of IS and DS (PS3.5 6.2), checked by one left-to-right pass: a value of n characters
 * costs O(n) whatever it holds. A backtracking regular expression such as {@code [0-9]+\.?[0-9]*} is
 * quadratic on a long run of digits that fails at its end (issue 17: a 65,000-digit DS took 92 s).
 */
public final class NumberStrings {
    private NumberStrings() {
    }

    /** PS3.5 6.2 IS: an optionally signed integer, {@code [+-]?[0-9]+} (no padding: strip it first). */
    public static boolean isInteger(CharSequence text) {
        int length = text.length();
        int i = skipSign(text, 0);
        int digits = skipDigits(text, i);
        return digits > i && digits == length;
    }

    /**
     * PS3.5 6.2 DS: a fixed or floating point decimal, {@code [+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?}
     * (no padding: strip it first). Java's own parser would also take "NaN", "Infinity", hex and suffixes.
     */
    public static boolean isDecimal(CharSequence text) {
        int length = text.length();
        int i = skipSign(text, 0);
        int integerEnd = skipDigits(text, i);
        int mantissaDigits = integerEnd - i;
        i = integerEnd;
        if (i < length && text.charAt(i) == '.') {
            int fractionEnd = skipDigits(text, i + 1);
            mantissaDigits += fractionEnd - (i + 1);
            i = fractionEnd;
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponentStart = skipSign(text, i + 1);
            int exponentEnd = skipDigits(text, exponentStart);
            if (exponentEnd == exponentStart) {
                return false;
            }
            i = exponentEnd;
        }
        return i == length;
    }

    private static int skipSign(CharSequence text, int at) {
        return at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-') ? at + 1 : at;
    }

    private static int skipDigits(CharSequence text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
