package io.dicombq.adapter.out.dicom.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a server (or anything posing as one) that sends more, or
 * announces more in Content-Length, is cut off at the limit instead of filling the heap.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
    private final long limit;

    BoundedBody(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        this.limit = limit;
    }

    /** The body passed the limit; not worth a retry, the same request gets the same answer. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > limit) {
            return new Refused(tooLarge("announces " + announced + " bytes"));
        }
        return new Collecting();
    }

    private TooLargeException tooLarge(String what) {
        return new TooLargeException("the response " + what + ", more than the limit of " + (limit >> 20) + " MiB"
                + " for one DICOMweb answer (docs/dicomweb.md)");
    }

    /** Gathers the body, cancelling the transfer as soon as it passes the limit. */
    private final class Collecting implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(tooLarge("holds more than " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    /** A body refused from its Content-Length alone: nothing of it is read. */
    private static final class Refused implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final TooLargeException reason;

        Refused(TooLargeException reason) {
            this.reason = reason;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
            body.completeExceptionally(reason);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(reason);
        }

        @Override
        public void onComplete() {
            body.completeExceptionally(reason);
        }
    }
}
