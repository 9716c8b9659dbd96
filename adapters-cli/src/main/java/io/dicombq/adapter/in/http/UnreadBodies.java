package io.dicombq.adapter.in.http;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;

/** What a handler does with the part of a request's body it did not read before answering. */
final class UnreadBodies {
    /** Past this much left unread the connection is given up instead (Jetty then closes it). */
    private static final long LIMIT = 1 << 20;

    private UnreadBodies() {
    }

    /**
     * Reads and drops what is left of the request's body, so that the connection can carry the client's next request:
     * with a body left unread when the answer goes out, Jetty closes the connection without saying so, and a client
     * that sends its next request on it at once gets no answer at all ("header parser received no bytes": 2 in 9,000
     * requests answered before their bodies were read, in a loop against dicombq serve; a CI run failed on one).
     */
    static void drain(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            long left = LIMIT;
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IOException e) {
            // the body cannot be read: the connection is closed after the answer, as it would have been
        }
    }
}
