package io.dicombq.domain.dicom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateDictionaryTest {
    private final PrivateDictionary dictionary = PrivateDictionary.standard();

    @Test
    void findsAnElementByCreatorAndElementByteInAnyBlock() {
        // the Siemens elements the issue names: (0019,xx08) CS "IMAGE NUM 4", (0019,xx0A) US
        assertThat(dictionary.lookup(Tag.of(0x0019, 0x1008), "SIEMENS MR HEADER").vr()).isEqualTo(Vr.CS);
        assertThat(dictionary.lookup(Tag.of(0x0019, 0x100A), "SIEMENS MR HEADER").vr()).isEqualTo(Vr.US);
        assertThat(dictionary.lookup(Tag.of(0x0019, 0x120A), "SIEMENS MR HEADER").vr()).as("block 12").isEqualTo(Vr.US);
        assertThat(dictionary.lookup(Tag.of(0x0019, 0x100A), "SIEMENS MR HEADER ").vr()).as("LO padding").isEqualTo(Vr.US);
    }

    @Test
    void anUnknownCreatorOrElementHasNoEntry() {
        assertThat(dictionary.lookup(Tag.of(0x0019, 0x1008), "NO SUCH CREATOR")).isNull();
        assertThat(dictionary.lookup(Tag.of(0x0019, 0x1008), null)).isNull();
        assertThat(dictionary.lookup(Tag.of(0x0019, 0x10FE), "SIEMENS MR HEADER")).isNull();
    }

    @Test
    void namesItsSourceLikeThePublicDictionary() {
        assertThat(dictionary.edition()).startsWith("pydicom ").contains("private dictionary");
        assertThat(DataDictionary.standard().edition()).startsWith("pydicom ");
        assertThat(dictionary.size()).isGreaterThan(9000);
    }
}
