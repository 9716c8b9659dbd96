package io.dicombq.adapter.out.sql;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encodings, code points, Unicode normalization and hashes with BigQuery's semantics (BigQuery docs: string
 * functions, hash functions), installed as H2 functions (see {@link BigQueryFunctions#install}). NULL in gives
 * NULL out; errors are ZetaSQL's words.
 */
public final class EncodingRuntime {
    static final String[][] NAMES = {
        {"to_base64", "toBase64"}, {"from_base64", "fromBase64"}, {"to_base32", "toBase32"}, {"from_base32", "fromBase32"},
        {"to_hex", "toHex"}, {"from_hex", "fromHex"}, {"text_code_points", "codePoints"},
        {"bytes_code_points", "codePointsOfBytes"}, {"code_points_text", "codePointsToString"},
        {"code_points_bytes", "codePointsToBytes"}, {"lenient_utf8", "lenientUtf8"}, {"strict_utf8", "strictUtf8"},
        {"normalize_text", "normalize"}, {"contains_folded", "containsFolded"}, {"text_digest", "digest"}, {"bytes_digest", "digestBytes"},
        {"text_fingerprint", "fingerprint"}, {"bytes_fingerprint", "fingerprintBytes"},
    };
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private EncodingRuntime() {
    }

    public static String toBase64(byte[] value) {
        return value == null ? null : Base64.getEncoder().encodeToString(value);
    }

    /** FROM_BASE64: the standard alphabet with its padding; anything else fails as in BigQuery. */
    public static byte[] fromBase64(String text) {
        if (text == null) {
            return null;
        }
        try {
            // Whitespace is skipped, as ZetaSQL's decoder does (' 3q2+7w== ' is b'\xde\xad\xbe\xef').
            return Base64.getDecoder().decode(text.replaceAll("[ \\t\\n\\r\\f\\x0B]", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("Failed to decode invalid base64 string");
        }
    }

    /** TO_BASE32: RFC 4648's alphabet, padded with {@code =} to a multiple of 8 characters. */
    public static String toBase32(byte[] value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length; i += 5) {
            long block = 0;
            int n = Math.min(5, value.length - i);
            for (int j = 0; j < 5; j++) {
                block = block << 8 | (j < n ? value[i + j] & 0xff : 0);
            }
            int chars = (n * 8 + 4) / 5;
            for (int j = 0; j < 8; j++) {
                out.append(j < chars ? BASE32.charAt((int) (block >>> (35 - 5 * j)) & 31) : '=');
            }
        }
        return out.toString();
    }

    /**
     * FROM_BASE32 of what TO_BASE32 writes. Other spellings (lower case, no padding) are refused: BigQuery's
     * answer to them is not documented.
     */
    public static byte[] fromBase32(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() % 8 != 0 || !text.matches("[A-Z2-7]*(={0,6})") || !toBase32(decode32(text)).equals(text)) {
            throw InvalidValueException.unknownAnswer("FROM_BASE32: \"" + text + "\" is not upper-case padded base32"
                    + " (RFC 4648) as TO_BASE32 writes it; the embedded warehouse reads only that form");
        }
        return decode32(text);
    }

    private static byte[] decode32(String text) {
        String digits = text.replace("=", "");
        byte[] out = new byte[digits.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : digits.toCharArray()) {
            buffer = buffer << 5 | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8 && n < out.length) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    public static String toHex(byte[] value) {
        return value == null ? null : HexFormat.of().formatHex(value);
    }

    /** FROM_HEX: either case; an odd number of digits reads as if a 0 led (BigQuery docs: FROM_HEX). */
    public static byte[] fromHex(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                throw new InvalidValueException("Failed to decode invalid hexadecimal string due to character at offset "
                        + i + ": " + text);
            }
        }
        return HexFormat.of().parseHex(text.length() % 2 == 0 ? text : "0" + text);
    }

    public static Long[] codePoints(String value) {
        return value == null ? null : value.codePoints().mapToObj(c -> (long) c).toArray(Long[]::new);
    }

    public static Long[] codePointsOfBytes(byte[] value) {
        if (value == null) {
            return null;
        }
        Long[] out = new Long[value.length];
        for (int i = 0; i < value.length; i++) {
            out[i] = (long) (value[i] & 0xff);
        }
        return out;
    }

    /** CODE_POINTS_TO_STRING: NULL when any element is NULL. */
    public static String codePointsToString(Long[] codePoints) {
        if (codePoints == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Long c : codePoints) {
            if (c == null) {
                return null;
            }
            out.append(StringRuntime.chr(c));
        }
        return out.toString();
    }

    public static byte[] codePointsToBytes(Long[] values) {
        if (values == null) {
            return null;
        }
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                return null;
            }
            if (values[i] < 0 || values[i] > 255) {
                throw new InvalidValueException("Invalid ASCII value " + values[i]);
            }
            out[i] = values[i].byteValue();
        }
        return out;
    }

    /**
     * SAFE_CONVERT_BYTES_TO_STRING: each byte that does not start a well-formed UTF-8 sequence becomes U+FFFD, so a
     * truncated sequence gives one per byte, as ZetaSQL does.
     */
    public static String lenientUtf8(byte[] value) {
        if (value == null) {
            return null;
        }
        String text = utf8(value);
        return text != null ? text : replaceInvalid(value);
    }

    /** The bytes as UTF-8, or null when they are not well-formed UTF-8. */
    private static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String replaceInvalid(byte[] value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length) {
            int length = sequenceLength(value, i);
            if (length == 0) {
                out.append('\uFFFD');
                i++;
            } else {
                out.append(new String(value, i, length, StandardCharsets.UTF_8));
                i += length;
            }
        }
        return out.toString();
    }

    /** The length of the well-formed UTF-8 sequence at {@code i}, or 0 (Unicode 15, table 3-7). */
    private static int sequenceLength(byte[] value, int i) {
        int b = value[i] & 0xff;
        int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > value.length) {
            return 0;
        }
        int second = value[i + 1 < value.length ? i + 1 : i] & 0xff;
        int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
        int high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
        if (length > 1 && (second < low || second > high)) {
            return 0;
        }
        for (int j = 2; j < length; j++) {
            if ((value[i + j] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    /** CAST(BYTES AS STRING): the bytes must be UTF-8. */
    public static String strictUtf8(byte[] value, Boolean safe) {
        if (value == null) {
            return null;
        }
        String text = utf8(value);
        if (text == null && !safe) {
            throw new InvalidValueException("Invalid cast of bytes to UTF8 string");
        }
        return text;
    }

    /**
     * NORMALIZE and NORMALIZE_AND_CASEFOLD. Case folding is Unicode's full folding, which Java lacks: each character
     * is taken to upper then lower case twice (ß, ẞ: ss; Σ, ς: σ; ﬁ: fi), dotless ı stays, and Cherokee, which folds
     * to upper case, is refused rather than guessed.
     */
    public static String normalize(String value, String mode, Boolean casefold) {
        if (value == null) {
            return null;
        }
        Normalizer.Form form = Normalizer.Form.valueOf(mode);
        String normal = Normalizer.normalize(value, form);
        if (!casefold) {
            return normal;
        }
        StringBuilder folded = new StringBuilder();
        for (int c : normal.codePoints().toArray()) {
            if (c >= 0x13A0 && c <= 0x13FF || c >= 0xAB70 && c <= 0xABBF) {
                throw InvalidValueException.unknownAnswer("NORMALIZE_AND_CASEFOLD of Cherokee (U+" + String.format("%04X", c)
                        + ")");
            }
            folded.append(c == 0x131 ? "\u0131" : fold(fold(new String(Character.toChars(c)))));
        }
        return Normalizer.normalize(folded.toString(), form);
    }

    /**
     * CONTAINS_SUBSTR of one value's text: both sides NFKC-normalized and case folded as NORMALIZE_AND_CASEFOLD does
     * (BigQuery docs: CONTAINS_SUBSTR); NULL for a NULL value.
     */
    public static Boolean containsFolded(String value, String search) {
        if (search == null) {
            throw InvalidValueException.unknownAnswer("CONTAINS_SUBSTR with a NULL search value");
        }
        return value == null ? null : normalize(value, "NFKC", true).contains(normalize(search, "NFKC", true));
    }

    private static String fold(String text) {
        return text.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT);
    }

    public static byte[] digest(String value, String algorithm) {
        return value == null ? null : digestBytes(value.getBytes(StandardCharsets.UTF_8), algorithm);
    }

    /** MD5, SHA1, SHA256, SHA512 of the bytes (of a STRING's UTF-8). */
    public static byte[] digestBytes(byte[] value, String algorithm) {
        if (value == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance(algorithm).digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    public static Long fingerprint(String value) {
        return value == null ? null : FarmFingerprint.of(value.getBytes(StandardCharsets.UTF_8));
    }

    public static Long fingerprintBytes(byte[] value) {
        return value == null ? null : FarmFingerprint.of(value);
    }
}
