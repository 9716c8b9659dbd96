package io.dicombq.adapter.out.sql;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code CAST(bytes AS STRING FORMAT f)} and {@code CAST(string AS BYTES FORMAT f)} (BigQuery docs: format elements,
 * "Format bytes as string"): HEX/BASE16, BASE2, BASE8, BASE32, BASE64, ASCII and UTF-8. ZetaSQL's reference lacks
 * BASE32, which BigQuery documents: it is written as TO_BASE32 writes it. Installed as H2 functions (see
 * {@link BigQueryFunctions#install}); with {@code safe} (SAFE_CAST) a value that cannot be converted gives NULL.
 */
public final class BytesFormat {
    static final String[][] NAMES = {{"bytes_as_text", "toText"}, {"text_as_bytes", "toBytes"}};

    private BytesFormat() {
    }

    public static String toText(byte[] value, String format, Boolean safe) {
        if (value == null || format == null) {
            return null;
        }
        try {
            switch (name(format)) {
                case "HEX":
                case "BASE16":
                    return EncodingRuntime.toHex(value);
                case "BASE2":
                    return digits(value, 2);
                case "BASE8":
                    return digits(value, 8);
                case "BASE32":
                    return EncodingRuntime.toBase32(value);
                case "BASE64":
                    return EncodingRuntime.toBase64(value);
                case "ASCII":
                    for (byte b : value) {
                        if (b < 0) {
                            throw new InvalidValueException("Failed to decode invalid ASCII string");
                        }
                    }
                    return new String(value, StandardCharsets.US_ASCII);
                default:
                    return EncodingRuntime.strictUtf8(value, false);
            }
        } catch (InvalidValueException e) {
            if (safe && e.bigQueryFails()) {
                return null;
            }
            throw e;
        }
    }

    public static byte[] toBytes(String text, String format, Boolean safe) {
        if (text == null || format == null) {
            return null;
        }
        try {
            switch (name(format)) {
                case "HEX":
                case "BASE16":
                    return EncodingRuntime.fromHex(text);
                case "BASE2":
                    return fromDigits(text, 2);
                case "BASE8":
                    return fromDigits(text, 8);
                case "BASE32":
                    return EncodingRuntime.fromBase32(text);
                case "BASE64":
                    return EncodingRuntime.fromBase64(text);
                case "ASCII":
                    if (!text.chars().allMatch(c -> c < 0x80)) {
                        throw new InvalidValueException("Failed to decode invalid ASCII string");
                    }
                    return text.getBytes(StandardCharsets.US_ASCII);
                default:
                    return text.getBytes(StandardCharsets.UTF_8);
            }
        } catch (InvalidValueException e) {
            if (safe && e.bigQueryFails()) {
                return null;
            }
            throw e;
        }
    }

    private static String name(String format) {
        String name = format.toUpperCase(Locale.ROOT);
        switch (name) {
            case "HEX":
            case "BASE16":
            case "BASE2":
            case "BASE8":
            case "BASE32":
            case "BASE64":
            case "ASCII":
                return name;
            case "UTF-8":
            case "UTF8":
                return "UTF-8";
            default:
                throw new InvalidValueException("Invalid format '" + format + "'");
        }
    }

    /** BASE2 and BASE8: the bytes as one unsigned number in that base, zero-padded to as many digits as their bits need. */
    private static String digits(byte[] value, int radix) {
        if (value.length == 0) {
            return "";
        }
        String text = new BigInteger(1, value).toString(radix);
        return "0".repeat(width(value.length, radix) - text.length()) + text;
    }

    private static int width(int bytes, int radix) {
        int bitsPerDigit = radix == 2 ? 1 : 3;
        return (bytes * 8 + bitsPerDigit - 1) / bitsPerDigit;
    }

    /**
     * The inverse of {@link #digits} for text of the length it writes (the low bytes of the number, as ZetaSQL keeps
     * them: BASE8 '400' is b'\x00'); other lengths are refused, ZetaSQL's answer for them not being documented.
     */
    private static byte[] fromDigits(String text, int radix) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), radix) < 0) {
                throw new InvalidValueException("Failed to decode invalid base" + radix + " string due to character '"
                        + text.charAt(i) + "' at offset " + i);
            }
        }
        int bytes = text.length() * (radix == 2 ? 1 : 3) / 8;
        if (width(bytes, radix) != text.length()) {
            throw InvalidValueException.unknownAnswer("CAST AS BYTES FORMAT 'BASE" + radix + "' of " + text.length()
                    + " digits (not a whole number of bytes)");
        }
        byte[] number = text.isEmpty() ? new byte[0] : new BigInteger(text, radix).toByteArray();
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes && i < number.length; i++) {
            out[bytes - 1 - i] = number[number.length - 1 - i];
        }
        return out;
    }
}
