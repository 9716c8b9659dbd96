package io.dicombq.domain.json;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ByteWordsTest {
    private static final byte[] LOOKED_FOR = {'"', '\\', '\n', '\r', 0, (byte) 0x80, (byte) 0xFF, 0x7F};
    private static final int[] BOUNDS = {0x01, 0x20, 0x7F, 0x80};

    /** Every byte value at every place among every kind of neighbour, against a byte-by-byte look. */
    @Test
    void everyByteAtEveryPlaceIsFoundAsALookAtEachByteFindsIt() {
        byte[] neighbours = {'A', '/', 0x00, 0x1F, 0x20, 0x21, 0x7F, (byte) 0x80, (byte) 0xFF, '"', '\\'};
        byte[] word = new byte[ByteWords.SIZE];
        for (byte neighbour : neighbours) {
            for (int value = 0; value < 256; value++) {
                for (int at = 0; at < ByteWords.SIZE; at++) {
                    java.util.Arrays.fill(word, neighbour);
                    word[at] = (byte) value;
                    assertAlike(word);
                }
            }
        }
    }

    @Test
    void randomWordsAreFoundAsALookAtEachByteFindsThem() {
        Random random = new Random(11);
        byte[] bytes = new byte[ByteWords.SIZE + 3];
        for (int n = 0; n < 200_000; n++) {
            for (int i = 0; i < bytes.length; i++) {
                // mostly printable ASCII, as JSON text is, with some of everything else
                bytes[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(0x5F));
            }
            int offset = random.nextInt(4);
            assertAlike(java.util.Arrays.copyOfRange(bytes, offset, offset + ByteWords.SIZE));
            assertThat(ByteWords.at(bytes, offset)).isEqualTo(ByteWords.at(java.util.Arrays.copyOfRange(bytes, offset,
                    offset + ByteWords.SIZE), 0));
        }
    }

    @Test
    void aWordIsItsBytesInLittleEndianOrder() {
        byte[] bytes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(ByteWords.at(bytes, 2)).isEqualTo(0x0908070605040302L);
    }

    private static void assertAlike(byte[] word) {
        long packed = ByteWords.at(word, 0);
        for (byte value : LOOKED_FOR) {
            boolean found = false;
            for (byte b : word) {
                found |= b == value;
            }
            assertThat(ByteWords.has(packed, value)).as("%016x has %02x", packed, value & 0xFF).isEqualTo(found);
        }
        for (int bound : BOUNDS) {
            boolean found = false;
            for (byte b : word) {
                found |= (b & 0xFF) < bound;
            }
            assertThat(ByteWords.hasBelow(packed, bound)).as("%016x below %02x", packed, bound).isEqualTo(found);
        }
        boolean nonAscii = false;
        for (byte b : word) {
            nonAscii |= b < 0;
        }
        assertThat(ByteWords.hasNonAscii(packed)).isEqualTo(nonAscii);
    }
}
