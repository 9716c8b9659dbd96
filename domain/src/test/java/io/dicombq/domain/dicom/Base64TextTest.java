package io.dicombq.domain.dicom;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Base64TextTest {
    private final Random random = new Random(19);

    @Test
    void encodesAsTheJdkDoesAtEverySizeAroundThePaddingAndTheScratchLimits() {
        int limitBytes = Base64Text.SCRATCH_LIMIT / 4 * 3;
        int[] sizes = {0, 1, 2, 3, 4, 5, 47, 48, 49, 65_535, 65_536, 65_537, 49_151, 49_152, 49_153,
                limitBytes - 1, limitBytes, limitBytes + 1, limitBytes + 3, 7, 100_000, 2};
        for (int size : sizes) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            assertThat(Base64Text.of(bytes)).as("%d bytes", size).isEqualTo(Base64.getEncoder().encodeToString(bytes));
        }
    }

    @Test
    void aShorterValueAfterALongerOneLeavesNothingOfItInItsText() {
        byte[] longer = new byte[30_000];
        random.nextBytes(longer);
        Base64Text.of(longer);
        assertThat(Base64Text.of(new byte[] {(byte) 0xFF})).isEqualTo("/w==");
        assertThat(Base64Text.of(new byte[0])).isEmpty();
    }

    @Test
    void threadsEncodeAtTheSameTimeWithoutSharingTheirArrays() throws InterruptedException {
        byte[][] values = new byte[8][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new byte[1_000 + i * 5_003];
            random.nextBytes(values[i]);
        }
        Thread[] threads = new Thread[values.length];
        boolean[] same = new boolean[values.length];
        for (int i = 0; i < threads.length; i++) {
            int index = i;
            threads[i] = new Thread(() -> {
                String expected = Base64.getEncoder().encodeToString(values[index]);
                boolean all = true;
                for (int round = 0; round < 300; round++) {
                    all &= Base64Text.of(values[index]).equals(expected);
                }
                same[index] = all;
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(same).containsOnly(true);
    }
}
