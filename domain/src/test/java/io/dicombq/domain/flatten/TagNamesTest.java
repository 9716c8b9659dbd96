package io.dicombq.domain.flatten;

import io.dicombq.domain.dicom.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TagNamesTest {
    @Test
    void namesTagsLikeTagColumnName() {
        for (int value : new int[]{0, 0x00091001, 0x7FE00010, 0xFFFEE000, 0xFFFFFFFF, 0x0029A0B0}) {
            assertThat(TagNames.columnName(new Tag(value))).isEqualTo(new Tag(value).columnName());
        }
    }
}
