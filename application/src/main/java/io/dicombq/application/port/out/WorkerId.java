package io.dicombq.application.port.out;

import java.util.Objects;

/** Identifies the process that runs an operation, e.g. {@code pid:start-time/start-ticks}, so a dead owner can be detected. */
public record WorkerId(String value) {
    public WorkerId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
