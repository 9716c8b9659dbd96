package io.dicombq.domain.status;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class RootCauseTest {
    @Test
    void namesTheInnermostCause() {
        Throwable failure = new IllegalStateException("Writing to the file failed",
                new UncheckedIOException(new IOException("No space left on device")));
        assertThat(RootCause.of(failure)).isEqualTo(" (caused by java.io.IOException: No space left on device)");
    }

    @Test
    void saysNothingForAFailureWithoutCause() {
        assertThat(RootCause.of(new IllegalStateException("alone"))).isEmpty();
    }
}
