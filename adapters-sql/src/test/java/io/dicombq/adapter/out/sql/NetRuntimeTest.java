package io.dicombq.adapter.out.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IP address functions' own reading and writing of addresses (BigQuery docs: net functions; RFC 4291, RFC 5952). */
class NetRuntimeTest {

    @ParameterizedTest
    @CsvSource({
        "192.168.0.1, c0a80001, 192.168.0.1",
        "::, 00000000000000000000000000000000, ::",
        "2001:DB8::1, 20010db8000000000000000000000001, 2001:db8::1",
        "1:0:0:2:0:0:0:3, 00010000000000020000000000000003, 1:0:0:2::3",
        "1:0:2:3:4:5:6:7, 00010000000200030004000500060007, 1:0:2:3:4:5:6:7",
        "::ffff:1.2.3.4, 00000000000000000000ffff01020304, ::ffff:1.2.3.4",
        "::9.8.7.6, 00000000000000000000000009080706, ::9.8.7.6",
    })
    void addressesAreReadAndWrittenInTheirCanonicalText(String text, String hex, String canonical) {
        byte[] bytes = NetRuntime.ipFromString(text);

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(hex);
        assertThat(NetRuntime.ipToString(bytes)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"1.2.3", "01.2.3.4", "1.2.3.256", "10.0.0.0/8", "1::2::3", "::1.2.3", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "' ::1'"})
    void otherTextIsAnErrorOrUnderSafeNull(String text) {
        assertThat(NetRuntime.safeIpFromString(text)).isNull();
        assertThatThrownBy(() -> NetRuntime.ipFromString(text)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unparseable IP-address");
    }

    @Test
    void masksTruncationsAndIntegersKeepTheirBits() {
        assertThat(HexFormat.of().formatHex(NetRuntime.ipNetMask(4L, 20L))).isEqualTo("fffff000");
        assertThat(HexFormat.of().formatHex(NetRuntime.ipTrunc(HexFormat.of().parseHex("aabbccdd"), 11L))).isEqualTo("aaa00000");
        assertThat(HexFormat.of().formatHex(NetRuntime.ipv4FromInt64(-2L))).isEqualTo("fffffffe");
        assertThat(NetRuntime.ipv4ToInt64(HexFormat.of().parseHex("ffffffff"))).isEqualTo(0xFFFFFFFFL);
        assertThatThrownBy(() -> NetRuntime.ipv4FromInt64(0x100000000L)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> NetRuntime.ipTrunc(new byte[5], 1L)).isInstanceOf(InvalidValueException.class);
    }
}
