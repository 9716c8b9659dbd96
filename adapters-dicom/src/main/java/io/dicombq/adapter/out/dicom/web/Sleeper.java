package io.dicombq.adapter.out.dicom.web;

import java.time.Duration;

/** Waits between retries; injected so tests see the backoff schedule without waiting for it. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
