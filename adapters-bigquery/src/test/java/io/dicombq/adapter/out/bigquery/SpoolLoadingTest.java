package io.dicombq.adapter.out.bigquery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolLoadingTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "emulator.localhost", "127.0.0.1", "127.8.9.10", "[::1]",
            "0.0.0.0", "[::]"})
    void aBigQueryOnThisMachineGetsEveryRowAtCommit(String host) {
        assertThat(SpoolLoading.isThisMachine(host)).isTrue();
        SpoolLoading loading = SpoolLoading.forEndpoint(Optional.of(URI.create("http://" + host + ":9050")));
        assertThat(loading.firstSegmentBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(loading.namesFiles()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bigquery.googleapis.com", "10.1.2.3", "192.168.0.7", "[2001:db8::1]", "localhost.example.com",
            "127.0.0.1.example.com"})
    void aBigQueryElsewhereLoadsWhileTheExportRuns(String host) {
        assertThat(SpoolLoading.isThisMachine(host)).isFalse();
        SpoolLoading loading = SpoolLoading.forEndpoint(Optional.of(URI.create("http://" + host + ":9050")));
        assertThat(loading.firstSegmentBytes()).isEqualTo(8L << 20);
        assertThat(loading.namesFiles()).isFalse();
    }

    @Test
    void googlesBigQueryLoadsWhileTheExportRuns() {
        SpoolLoading loading = SpoolLoading.forEndpoint(Optional.empty());

        assertThat(loading.firstSegmentBytes()).isEqualTo(8L << 20);
        assertThat(loading.namesFiles()).isFalse();
        assertThat(loading.segmentBytes(800L << 20)).isEqualTo(100L << 20);
    }

    @Test
    void atCommitNeverCutsASegmentBeforeTheCommit() {
        assertThat(SpoolLoading.atCommit().segmentBytes(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    }
}
