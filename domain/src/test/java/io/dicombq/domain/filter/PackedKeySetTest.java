package io.dicombq.domain.filter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedKeySetTest {

    @Test
    void keysGetDenseIdsInInsertionOrderAndKeepThemThroughGrowth() {
        PackedKeySet set = new PackedKeySet();
        for (int i = 0; i < 100_000; i++) {
            assertThat(set.add(UidKeys.of("1.2." + i))).isEqualTo(i);
        }
        for (int i = 0; i < 100_000; i++) {
            assertThat(set.add(UidKeys.of("1.2." + i))).as("adding again").isEqualTo(i);
            assertThat(set.find(UidKeys.of("1.2." + i))).isEqualTo(i);
        }
        assertThat(set.size()).isEqualTo(100_000);
        assertThat(set.find(UidKeys.of("1.2.100000"))).isEqualTo(-1);
        assertThat(set.find(null)).isEqualTo(-1);
    }

    @Test
    void keysThatDifferOnlyInLengthOrParentAreDistinct() {
        PackedKeySet set = new PackedKeySet();
        int one = set.add(UidKeys.of("1"));
        int twelve = set.add(UidKeys.of("12"));
        int underFirst = set.add(UidKeys.of(0, "1.2"));
        int underSecond = set.add(UidKeys.of(1, "1.2"));
        assertThat(new int[]{one, twelve, underFirst, underSecond}).containsExactly(0, 1, 2, 3);
        assertThat(set.find(UidKeys.of("1.2"))).as("no parent is not parent 0").isEqualTo(-1);
        assertThat(set.find(UidKeys.of(2, "1.2"))).isEqualTo(-1);
    }

    @Test
    void textThatCannotBeAUidHasNoKey() {
        assertThat(UidKeys.of("1.2a")).isNull();
        assertThat(UidKeys.of("")).isNull();
        assertThat(UidKeys.of((String) null)).isNull();
        assertThat(UidKeys.of("1".repeat(65))).isNull();
        assertThat(UidKeys.of(3, "1 ")).isNull();
    }

    @Test
    void overlongKeysAreRefused() {
        assertThatThrownBy(() -> new PackedKeySet().add(new byte[256])).isInstanceOf(IllegalArgumentException.class);
    }
}
