package io.dicombq.adapter.out.sql;

/**
 * FARM_FINGERPRINT: FarmHash's Fingerprint64 (the farmhashna Hash64 of the bytes, a STRING's UTF-8), written from
 * the published algorithm (github.com/google/farmhash) and checked against ZetaSQL's reference implementation by the
 * differential suite over inputs of every length class (0-16, 17-32, 33-64, longer).
 */
final class FarmFingerprint {
    private static final long K0 = 0xc3a5c85c97cb3127L;
    private static final long K1 = 0xb492b66fbe98f273L;
    private static final long K2 = 0x9ae16a3b2f90404fL;

    private FarmFingerprint() {
    }

    static long of(byte[] s) {
        int len = s.length;
        if (len <= 16) {
            return upTo16(s, len);
        }
        if (len <= 32) {
            return upTo32(s, len);
        }
        if (len <= 64) {
            return upTo64(s, len);
        }
        return longer(s, len);
    }

    private static long fetch64(byte[] s, int i) {
        long value = 0;
        for (int j = 7; j >= 0; j--) {
            value = value << 8 | (s[i + j] & 0xffL);
        }
        return value;
    }

    private static long fetch32(byte[] s, int i) {
        long value = 0;
        for (int j = 3; j >= 0; j--) {
            value = value << 8 | (s[i + j] & 0xffL);
        }
        return value;
    }

    private static long shiftMix(long value) {
        return value ^ (value >>> 47);
    }

    private static long hash16(long u, long v, long mul) {
        long a = (u ^ v) * mul;
        a ^= a >>> 47;
        long b = (v ^ a) * mul;
        b ^= b >>> 47;
        return b * mul;
    }

    private static long upTo16(byte[] s, int len) {
        if (len >= 8) {
            long mul = K2 + len * 2L;
            long a = fetch64(s, 0) + K2;
            long b = fetch64(s, len - 8);
            long c = Long.rotateRight(b, 37) * mul + a;
            long d = (Long.rotateRight(a, 25) + b) * mul;
            return hash16(c, d, mul);
        }
        if (len >= 4) {
            long mul = K2 + len * 2L;
            long a = fetch32(s, 0);
            return hash16(len + (a << 3), fetch32(s, len - 4), mul);
        }
        if (len > 0) {
            long a = s[0] & 0xffL;
            long b = s[len >> 1] & 0xffL;
            long c = s[len - 1] & 0xffL;
            long y = (a + (b << 8)) & 0xffffffffL;
            long z = (len + (c << 2)) & 0xffffffffL;
            return shiftMix(y * K2 ^ z * K0) * K2;
        }
        return K2;
    }

    private static long upTo32(byte[] s, int len) {
        long mul = K2 + len * 2L;
        long a = fetch64(s, 0) * K1;
        long b = fetch64(s, 8);
        long c = fetch64(s, len - 8) * mul;
        long d = fetch64(s, len - 16) * K2;
        return hash16(Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d, a + Long.rotateRight(b + K2, 18) + c, mul);
    }

    private static long upTo64(byte[] s, int len) {
        long mul = K2 + len * 2L;
        long a = fetch64(s, 0) * K2;
        long b = fetch64(s, 8);
        long c = fetch64(s, len - 8) * mul;
        long d = fetch64(s, len - 16) * K2;
        long y = Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d;
        long z = hash16(y, a + Long.rotateRight(b + K2, 18) + c, mul);
        long e = fetch64(s, 16) * mul;
        long f = fetch64(s, 24);
        long g = (y + fetch64(s, len - 32)) * mul;
        long h = (z + fetch64(s, len - 24)) * mul;
        return hash16(Long.rotateRight(e + f, 43) + Long.rotateRight(g, 30) + h, e + Long.rotateRight(f + a, 18) + g, mul);
    }

    /** Two 64-bit halves, as farmhash's pair of WeakHashLen32WithSeeds. */
    private static long[] weak32(byte[] s, int i, long a, long b) {
        long w = fetch64(s, i);
        long x = fetch64(s, i + 8);
        long y = fetch64(s, i + 16);
        long z = fetch64(s, i + 24);
        a += w;
        b = Long.rotateRight(b + a + z, 21);
        long c = a;
        a += x;
        a += y;
        b += Long.rotateRight(a, 44);
        return new long[] {a + z, b + c};
    }

    private static long longer(byte[] s, int len) {
        long seed = 81;
        long x = seed;
        long y = seed * K1 + 113;
        long z = shiftMix(y * K2 + 113) * K2;
        long[] v = {0, 0};
        long[] w = {0, 0};
        x = x * K2 + fetch64(s, 0);
        int end = ((len - 1) / 64) * 64;
        int last64 = end + ((len - 1) & 63) - 63;
        int at = 0;
        do {
            x = Long.rotateRight(x + y + v[0] + fetch64(s, at + 8), 37) * K1;
            y = Long.rotateRight(y + v[1] + fetch64(s, at + 48), 42) * K1;
            x ^= w[1];
            y += v[0] + fetch64(s, at + 40);
            z = Long.rotateRight(z + w[0], 33) * K1;
            v = weak32(s, at, v[1] * K1, x + w[0]);
            w = weak32(s, at + 32, z + w[1], y + fetch64(s, at + 16));
            long swap = z;
            z = x;
            x = swap;
            at += 64;
        } while (at != end);
        long mul = K1 + ((z & 0xff) << 1);
        at = last64;
        w[0] += (len - 1) & 63;
        v[0] += w[0];
        w[0] += v[0];
        x = Long.rotateRight(x + y + v[0] + fetch64(s, at + 8), 37) * mul;
        y = Long.rotateRight(y + v[1] + fetch64(s, at + 48), 42) * mul;
        x ^= w[1] * 9;
        y += v[0] * 9 + fetch64(s, at + 40);
        z = Long.rotateRight(z + w[0], 33) * mul;
        v = weak32(s, at, v[1] * mul, x + w[0]);
        w = weak32(s, at + 32, z + w[1], y + fetch64(s, at + 16));
        long swap = z;
        z = x;
        x = swap;
        return hash16(hash16(v[0], w[0], mul) + shiftMix(y) * K0 + z, hash16(v[1], w[1], mul) + x, mul);
    }
}
