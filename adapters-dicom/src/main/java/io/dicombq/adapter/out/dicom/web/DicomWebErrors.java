package io.dicombq.adapter.out.dicom.web;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.nio.charset.StandardCharsets;

/** What a failed DICOMweb reply means, and what the user should do about it, for the store and for one instance. */
final class DicomWebErrors {
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private DicomWebErrors() {
    }

    static DicombqException unreachable(DicomWebEndpoint endpoint, DicomWebClient.UnreachableException e) {
        return new DicombqException(RpcError.of(Code.UNAVAILABLE, "DICOMweb server " + endpoint.root() + " is unreachable after "
                + e.attempts() + " attempts (" + e.getMessage() + "): check that it is running and that the URL is right"), e);
    }

    /** A listing (QIDO-RS) request failed: the store as a whole cannot be read. */
    static DicombqException store(DicomWebEndpoint endpoint, DicomWebClient.Reply reply) {
        String where = "DICOMweb server " + endpoint.root() + " answered HTTP " + reply.status() + " to GET " + reply.uri()
                + body(reply);
        return switch (reply.status()) {
            case 401 -> new DicombqException(Code.UNAUTHENTICATED, where + ": it needs credentials; give a valid bearer token"
                    + (endpoint.bearerToken().isPresent() ? " (the one given was refused)" : ""));
            case 403 -> new DicombqException(Code.PERMISSION_DENIED, where
                    + ": the token's principal may not search this server; ask its administrator for read access");
            case 404 -> new DicombqException(Code.NOT_FOUND, where
                    + ": no QIDO-RS service there; check the base URL (the part before /studies, e.g. http://host:8042/dicom-web)");
            case 429 -> new DicombqException(Code.RESOURCE_EXHAUSTED, where + ": the server is rate limiting; retry later");
            case 301, 302, 303, 307, 308 -> new DicombqException(Code.FAILED_PRECONDITION, where
                    + ": the server redirects, and redirects are never followed (one could lead to a server nobody allowed, or carry the"
                    + " bearer token there); give the URL it redirects to");
            default -> new DicombqException(reply.status() >= 500 ? Code.UNAVAILABLE : Code.FAILED_PRECONDITION,
                    where + ": the search failed; check the server's logs");
        };
    }

    /** A WADO-RS metadata request failed: this one instance is skipped and counted as a failure. */
    static DicombqException instance(String resourceName, DicomWebClient.Reply reply) {
        String where = "reading " + resourceName + "/metadata: HTTP " + reply.status() + body(reply);
        return switch (reply.status()) {
            case 401 -> new DicombqException(Code.UNAUTHENTICATED, where + ": the server wants credentials; give a valid bearer token");
            case 403 -> new DicombqException(Code.PERMISSION_DENIED, where + ": the token's principal may not read this instance");
            case 404, 410 -> new DicombqException(Code.NOT_FOUND, where
                    + ": the instance is no longer on the server (deleted after it was listed?)");
            case 406 -> new DicombqException(Code.FAILED_PRECONDITION, where
                    + ": the server cannot send application/dicom+json metadata (PS3.18 WADO-RS)");
            case 429 -> new DicombqException(Code.RESOURCE_EXHAUSTED, where + ": the server is rate limiting; export again later");
            default -> new DicombqException(reply.status() >= 500 ? Code.UNAVAILABLE : Code.FAILED_PRECONDITION,
                    where + ": check the server's logs");
        };
    }

    static DicombqException malformed(String what, java.net.URI uri, String problem) {
        return new DicombqException(Code.INVALID_ARGUMENT, what + " from " + uri + " is not valid DICOM JSON (PS3.18 Annex F): "
                + problem);
    }

    private static String body(DicomWebClient.Reply reply) {
        String text = new String(reply.body(), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return " (" + (text.length() > MAX_BODY_IN_MESSAGE ? text.substring(0, MAX_BODY_IN_MESSAGE) + "…" : text) + ")";
    }
}
