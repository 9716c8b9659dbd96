package io.dicombq.adapter.out.dicom.web;

import java.time.Duration;

/**
 * How often and how patiently a request is repeated when the server is busy (429), failing (5xx) or
 * unreachable: exponential backoff from {@code initialDelay}, doubling up to {@code maxDelay}, for at most
 * {@code maxAttempts} attempts. A server's Retry-After is honoured when it asks for no more than
 * {@code maxRetryAfter}; a longer wait ends the retries, so an export never hangs on one request.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay and maxRetryAfter >= 0");
        }
    }

    /** Five attempts over about six seconds; a Retry-After of up to a minute is honoured. */
    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} (1-based) attempts failed. */
    public Duration backoff(int attempt) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
