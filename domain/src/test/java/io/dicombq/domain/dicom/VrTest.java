package io.dicombq.domain.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks the VR table against PS3.5 (2024): Table 6.2-1, 6.1.2.3 and Table 7.1-1 / 7.1-2, written out here again. */
class VrTest {

    private static Set<Vr> vrs(String codes) {
        return Arrays.stream(codes.split(" ")).map(Vr::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Vr.class)));
    }

    @Test
    void thereAreExactlyTheThirtyFourVrsOfTable6_2_1() {
        assertThat(EnumSet.allOf(Vr.class)).isEqualTo(vrs(
                "AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV"));
        assertThat(Vr.values()).hasSize(34);
    }

    @Test
    void explicitVrUsesA32BitLengthExactlyForTheVrsOfTable7_1_1() {
        // PS3.5 7.1.2: these have two reserved bytes and a 32-bit length; every other VR a 16-bit length
        Set<Vr> longLength = vrs("OB OD OF OL OV OW SQ SV UC UN UR UT UV");
        for (Vr vr : Vr.values()) {
            assertThat(vr.hasLongLength()).as(vr.name()).isEqualTo(longLength.contains(vr));
        }
    }

    @Test
    void textVrsArePaddedWithASpaceAndUiAndBinaryWithNul() {
        // PS3.5 6.2: character strings pad with a trailing SPACE (20H), UI and OB with NULL (00H)
        Set<Vr> spacePadded = vrs("AE AS CS DA DS DT IS LO LT PN SH ST TM UC UR UT");
        for (Vr vr : Vr.values()) {
            assertThat(vr.padding()).as(vr.name()).isEqualTo(spacePadded.contains(vr) ? ' ' : '\0');
        }
        assertThat(Vr.UI.isText()).isTrue();
    }

    @Test
    void fixedSizesOfBinaryValuesAndWordSizesOfOtherVrs() {
        assertThat(Arrays.stream(Vr.values()).filter(vr -> vr.fixedSize() > 0)
                .collect(Collectors.toMap(Vr::name, Vr::fixedSize)))
                .containsOnly(
                        java.util.Map.entry("AT", 4), java.util.Map.entry("FL", 4), java.util.Map.entry("FD", 8),
                        java.util.Map.entry("SS", 2), java.util.Map.entry("US", 2), java.util.Map.entry("SL", 4),
                        java.util.Map.entry("UL", 4), java.util.Map.entry("SV", 8), java.util.Map.entry("UV", 8),
                        java.util.Map.entry("OB", 1), java.util.Map.entry("OW", 2), java.util.Map.entry("OF", 4),
                        java.util.Map.entry("OL", 4), java.util.Map.entry("OD", 8), java.util.Map.entry("OV", 8),
                        java.util.Map.entry("UN", 1));
    }

    @Test
    void kindsOfValue() {
        assertThat(EnumSet.allOf(Vr.class).stream().filter(Vr::isText).collect(Collectors.toSet()))
                .isEqualTo(vrs("AE AS CS DA DS DT IS LO LT PN SH ST TM UC UI UR UT"));
        assertThat(EnumSet.allOf(Vr.class).stream().filter(Vr::isBinary).collect(Collectors.toSet()))
                .isEqualTo(vrs("OB OD OF OL OV OW UN"));
        assertThat(EnumSet.allOf(Vr.class).stream().filter(vr -> vr.kind() == Vr.Kind.INTEGER).collect(Collectors.toSet()))
                .isEqualTo(vrs("AT SL SS SV UL US UV"));
        assertThat(EnumSet.allOf(Vr.class).stream().filter(vr -> vr.kind() == Vr.Kind.FLOAT).collect(Collectors.toSet()))
                .isEqualTo(vrs("FL FD"));
        assertThat(Vr.SQ.kind()).isEqualTo(Vr.Kind.SEQUENCE);
    }

    @Test
    void backslashSeparatesValuesExceptInTheSingleValuedTextsAndBinaryVrs() {
        // PS3.5 6.4: LT, ST, UT and UR always hold one value; OB..OW, UN and SQ are not backslash-separated
        Set<Vr> single = vrs("LT ST UT UR OB OD OF OL OV OW UN SQ");
        for (Vr vr : Vr.values()) {
            assertThat(vr.isMultiValued()).as(vr.name()).isEqualTo(!single.contains(vr));
        }
    }

    @Test
    void specificCharacterSetAppliesToTheSevenVrsOfSection6_1_2_3() {
        for (Vr vr : Vr.values()) {
            assertThat(vr.usesSpecificCharacterSet()).as(vr.name()).isEqualTo(vrs("SH LO UC ST LT UT PN").contains(vr));
        }
    }

    @ParameterizedTest
    @EnumSource(Vr.class)
    void parsesItsOwnCode(Vr vr) {
        assertThat(Vr.parse(vr.name())).isSameAs(vr);
        assertThat(Vr.fromCode(vr.name().charAt(0), vr.name().charAt(1))).isSameAs(vr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PNX", "pn", "XX", "ZZ", "A ", "\0\0", "OX"})
    void refusesCodesThatNameNoVr(String code) {
        assertThatThrownBy(() -> Vr.parse(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a DICOM value representation: '" + code + "'");
    }

    @Test
    void fromCodeAnswersNullForBytesThatAreNoVr() {
        assertThat(Vr.fromCode(0, 0)).isNull();
        assertThat(Vr.fromCode('a', 'e')).isNull();
        assertThat(Vr.fromCode('Q', 'Q')).isNull();
        assertThat(Vr.fromCode(0xFF, 0xFF)).isNull();
    }
}
