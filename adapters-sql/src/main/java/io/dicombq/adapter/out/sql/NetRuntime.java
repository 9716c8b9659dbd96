package io.dicombq.adapter.out.sql;

import java.util.regex.Pattern;

/**
 * BigQuery's IP address functions (BigQuery docs: net functions): addresses as BYTES in network byte order, 4 bytes
 * for IPv4 and 16 for IPv6, read from and written as text. Installed as H2 functions (see
 * {@link BigQueryFunctions#install}); NULL in gives NULL out; bad input fails with ZetaSQL's meaning, which
 * {@code SAFE.} turns into NULL.
 */
public final class NetRuntime {
    static final String[][] NAMES = {
        {"ip_from_text", "ipFromString"}, {"ip_from_text_or_null", "safeIpFromString"}, {"ip_to_text", "ipToString"},
        {"ip_net_mask", "ipNetMask"}, {"ip_trunc", "ipTrunc"}, {"ipv4_from_int", "ipv4FromInt64"},
        {"ipv4_to_int", "ipv4ToInt64"},
    };
    /** A decimal part of a dotted quad: 0-255 without leading zeros (inet_pton's IPv4 form). */
    private static final Pattern QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    private NetRuntime() {
    }

    /** NET.IP_FROM_STRING: a dotted quad or IPv6 text (RFC 4291 section 2.2); CIDR and zones are errors. */
    public static byte[] ipFromString(String text) {
        if (text == null) {
            return null;
        }
        byte[] address = parse(text);
        if (address == null) {
            throw new InvalidValueException("NET.IP_FROM_STRING() encountered an unparseable IP-address: " + text);
        }
        return address;
    }

    /** NET.SAFE_IP_FROM_STRING: NULL where NET.IP_FROM_STRING fails. */
    public static byte[] safeIpFromString(String text) {
        return text == null ? null : parse(text);
    }

    /** NET.IP_TO_STRING: a dotted quad, or RFC 5952's IPv6 text (the longest run of two or more zero groups as ::). */
    public static String ipToString(byte[] address) {
        if (address == null) {
            return null;
        }
        if (address.length == 4) {
            return quad(address, 0);
        }
        if (address.length != 16) {
            throw new InvalidValueException("NET.IP_TO_STRING() encountered an invalid IP address. Expected 4 (for IPv4) or"
                    + " 16 (for IPv6) bytes but got " + address.length);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart == 0 && (bestLength == 6 || bestLength == 5 && groups[5] == 0xffff)) {
            // IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) addresses end in a dotted quad
            return (bestLength == 5 ? "::ffff:" : "::") + quad(address, 12);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** NET.IP_NET_MASK: {@code bytes} bytes (4 or 16) whose first {@code prefix} bits are 1. */
    public static byte[] ipNetMask(Long bytes, Long prefix) {
        if (bytes == null || prefix == null) {
            return null;
        }
        if (bytes != 4 && bytes != 16) {
            throw new InvalidValueException("The first argument of NET.IP_NET_MASK() must be either 4 (for IPv4) or 16 (for"
                    + " IPv6); got " + bytes);
        }
        if (prefix < 0 || prefix > bytes * 8) {
            throw new InvalidValueException("The second argument of NET.IP_NET_MASK() must be between 0 and the first"
                    + " argument * 8; got " + prefix);
        }
        return keepBits(filled(bytes.intValue()), prefix.intValue());
    }

    /** NET.IP_TRUNC: the address with all but its first {@code prefix} bits set to 0. */
    public static byte[] ipTrunc(byte[] address, Long prefix) {
        if (address == null || prefix == null) {
            return null;
        }
        if (address.length != 4 && address.length != 16) {
            throw new InvalidValueException("The first argument of NET.IP_TRUNC() must have length 4 (for IPv4) or 16 (for"
                    + " IPv6); got " + address.length);
        }
        if (prefix < 0 || prefix > address.length * 8L) {
            throw new InvalidValueException("The second argument of NET.IP_TRUNC() must be between 0 and 8 *"
                    + " LENGTH(first argument); got " + prefix);
        }
        return keepBits(address.clone(), prefix.intValue());
    }

    /** NET.IPV4_FROM_INT64: the low 32 bits, from an integer in [-0x80000000, 0xFFFFFFFF]. */
    public static byte[] ipv4FromInt64(Long value) {
        if (value == null) {
            return null;
        }
        if (value < -0x80000000L || value > 0xFFFFFFFFL) {
            throw new InvalidValueException("NET.IPV4_FROM_INT64() encountered an invalid integer IP. Expected range:"
                    + " [-0x80000000, 0xFFFFFFFF]; got " + value);
        }
        long v = value;
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** NET.IPV4_TO_INT64: the 4 bytes as an unsigned integer. */
    public static Long ipv4ToInt64(byte[] address) {
        if (address == null) {
            return null;
        }
        if (address.length != 4) {
            throw new InvalidValueException("NET.IPV4_TO_INT64() encountered a non-IPv4 address. Expected 4 bytes but got "
                    + address.length);
        }
        long v = 0;
        for (byte b : address) {
            v = v << 8 | b & 0xff;
        }
        return v;
    }

    private static byte[] parse(String text) {
        if (QUAD.matcher(text).matches()) {
            return quadBytes(text);
        }
        if (text.indexOf(':') < 0) {
            return null;
        }
        // an IPv6 text may end in a dotted quad for its last 32 bits
        String tail = null;
        int lastColon = text.lastIndexOf(':');
        String head = text;
        if (text.indexOf('.', lastColon) >= 0) {
            tail = text.substring(lastColon + 1);
            if (!QUAD.matcher(tail).matches()) {
                return null;
            }
            head = text.substring(0, lastColon + 1) + "0:0";
        }
        int groupsWanted = 8;
        int gap = head.indexOf("::");
        if (gap >= 0 && head.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] left = gap < 0 ? head.split(":", -1) : split(head.substring(0, gap));
        String[] right = gap < 0 ? new String[0] : split(head.substring(gap + 2));
        if (gap < 0 && left.length != groupsWanted || gap >= 0 && left.length + right.length > groupsWanted - 1) {
            return null;
        }
        int[] groups = new int[groupsWanted];
        for (int i = 0; i < left.length; i++) {
            if (!GROUP.matcher(left[i]).matches()) {
                return null;
            }
            groups[i] = Integer.parseInt(left[i], 16);
        }
        for (int i = 0; i < right.length; i++) {
            if (!GROUP.matcher(right[i]).matches()) {
                return null;
            }
            groups[groupsWanted - right.length + i] = Integer.parseInt(right[i], 16);
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >>> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        if (tail != null) {
            byte[] last = quadBytes(tail);
            if (last == null) {
                return null;
            }
            System.arraycopy(last, 0, out, 12, 4);
        }
        return out;
    }

    private static String[] split(String groups) {
        return groups.isEmpty() ? new String[0] : groups.split(":", -1);
    }

    private static byte[] quadBytes(String text) {
        String[] parts = text.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(parts[i]);
            if (part > 255) {
                return null;
            }
            out[i] = (byte) part;
        }
        return out;
    }

    private static String quad(byte[] address, int from) {
        return (address[from] & 0xff) + "." + (address[from + 1] & 0xff) + "." + (address[from + 2] & 0xff) + "."
                + (address[from + 3] & 0xff);
    }

    private static byte[] filled(int length) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) 0xff);
        return out;
    }

    /** Sets every bit after the first {@code prefix} to 0. */
    private static byte[] keepBits(byte[] bytes, int prefix) {
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            bytes[i] &= (byte) (0xff00 >>> keep);
        }
        return bytes;
    }
}
