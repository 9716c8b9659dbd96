package io.dicombq.adapter.out.dicom.web;

import io.dicombq.adapter.out.dicom.part10.ReadOptions;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * GETs DICOM JSON from a DICOMweb service, repeating a request that met 429, a 5xx or a connection failure
 * according to the {@link RetryPolicy}. It returns whatever final reply the server gave; what a status means
 * is the caller's business (a 404 is fatal for the store, but only one failed instance for a metadata read).
 */
final class DicomWebClient {
    // PS3.18 Table 8.7.3-2 / F.1: the media type of the DICOM JSON model
    private static final String DICOM_JSON = "application/dicom+json";

    private final DicomWebEndpoint endpoint;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration requestTimeout;
    // one answer is held in memory whole: the same bound as one file's header (docs/dicom-reader.md)
    private final BoundedBody bodies = new BoundedBody(ReadOptions.DEFAULT_MAX_HEADER_BYTES);

    DicomWebClient(DicomWebEndpoint endpoint, HttpClient http, RetryPolicy retry, Sleeper sleeper, Clock clock,
                   Duration requestTimeout) {
        this.endpoint = endpoint;
        this.http = http;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    /** The server's final answer after retries. */
    record Reply(URI uri, int status, byte[] body, Optional<String> warning) {
        boolean ok() {
            return status == 200;
        }

        // PS3.18 QIDO-RS: a search that matches nothing may answer 204 No Content
        boolean noContent() {
            return status == 204;
        }
    }

    /** The server could not be reached at all, even after retries; carries the last connection error. */
    static final class UnreachableException extends Exception {
        private final URI uri;
        private final int attempts;

        UnreachableException(URI uri, int attempts, IOException cause) {
            super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
            this.uri = uri;
            this.attempts = attempts;
        }

        URI uri() {
            return uri;
        }

        int attempts() {
            return attempts;
        }
    }

    DicomWebEndpoint endpoint() {
        return endpoint;
    }

    Reply get(String pathAndQuery) throws UnreachableException {
        URI uri = endpoint.resolve(pathAndQuery);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(requestTimeout).header("Accept", DICOM_JSON);
        // the token belongs to the endpoint's origin (RFC 6454): never sent to any other scheme, host or port
        endpoint.bearerToken().filter(token -> endpoint.sameOrigin(uri))
                .ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        HttpRequest request = builder.build();
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request, bodies);
                int status = response.statusCode();
                if (!isTransient(status) || attempt >= retry.maxAttempts()) {
                    return new Reply(uri, status, response.body(), response.headers().firstValue("Warning"));
                }
                Optional<Duration> retryAfter = retryAfter(response.headers().firstValue("Retry-After"));
                if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                    // the server asked for a longer pause than we will sit through: report its answer now
                    return new Reply(uri, status, response.body(), response.headers().firstValue("Warning"));
                }
                Duration backoff = retry.backoff(attempt);
                wait = retryAfter.filter(after -> after.compareTo(backoff) > 0).orElse(backoff);
            } catch (IOException e) {
                Optional<BoundedBody.TooLargeException> tooLarge = tooLarge(e);
                if (tooLarge.isPresent()) {
                    throw new DicombqException(Code.INVALID_ARGUMENT, "reading " + uri + ": " + tooLarge.get().getMessage());
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new UnreachableException(uri, attempt, e);
                }
                wait = retry.backoff(attempt);
            } catch (InterruptedException e) {
                throw cancelled(uri);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                throw cancelled(uri);
            }
        }
    }

    // HttpClient.send wraps what a body subscriber failed with in an IOException of its own
    private static Optional<BoundedBody.TooLargeException> tooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedBody.TooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    private static DicombqException cancelled(URI uri) {
        Thread.currentThread().interrupt();
        return new DicombqException(Code.CANCELLED, "request to " + uri + " was interrupted (the export was cancelled)");
    }

    // RFC 9110 15.5.20 / 15.6: too many requests and server-side failures are worth another try
    private static boolean isTransient(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** RFC 9110 10.2.3: Retry-After is either delay-seconds or an HTTP-date. */
    private Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
