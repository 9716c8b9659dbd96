package io.dicombq.domain.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of text tested at once (SWAR): scanners of long JSON text look at a word per step and at single bytes
 * only in a word that holds one they look for. The tests are the zero-byte test of Hacker's Delight 6-1 and its
 * "has a byte less than n" form (Bit Twiddling Hacks): exact for a word (a borrow can flag the wrong byte of a word
 * that has one, never a word that has none).
 */
public final class ByteWords {
    /** Bytes in a word. */
    public static final int SIZE = Long.BYTES;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** The eight bytes of {@code bytes} from {@code offset}, which needs no alignment. */
    public static long at(byte[] bytes, int offset) {
        return (long) WORDS.get(bytes, offset);
    }

    /** Whether a byte of {@code word} equals {@code value}. */
    public static boolean has(long word, byte value) {
        long zeroWhereEqual = word ^ (ONES * (value & 0xFF));
        return ((zeroWhereEqual - ONES) & ~zeroWhereEqual & HIGHS) != 0;
    }

    /** Whether a byte of {@code word} is below {@code bound} (at most 0x80) as an unsigned value. */
    public static boolean hasBelow(long word, int bound) {
        return ((word - ONES * bound) & ~word & HIGHS) != 0;
    }

    /** Whether a byte of {@code word} is outside ASCII (0x80 or above). */
    public static boolean hasNonAscii(long word) {
        return (word & HIGHS) != 0;
    }
}
