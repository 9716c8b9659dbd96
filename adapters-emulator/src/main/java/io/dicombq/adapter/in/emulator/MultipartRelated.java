package io.dicombq.adapter.in.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/related} body (RFC 2387), as Google's multipart uploads send it: the metadata part (JSON)
 * then the media part. One pass over the bytes; a part's headers end at the first empty line.
 */
final class MultipartRelated {

    /** One part: its headers (lower-case names) and its content, base64 already decoded when it said so. */
    record Part(Map<String, String> headers, byte[] content) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private MultipartRelated() {
    }

    /** The parts of {@code body}; {@code contentType} is the request's, which names the boundary. */
    static List<Part> parse(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw WireValues.invalid("the multipart body has no boundary line --" + boundary);
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                return parts; // the close delimiter
            }
            int start = skipLineBreak(body, lineEnd);
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                throw WireValues.invalid("the multipart body ends without its closing boundary --" + boundary + "--");
            }
            int end = next;
            // the line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1)
            if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
                end -= 2;
            } else if (end >= 1 && body[end - 1] == '\n') {
                end -= 1;
            }
            parts.add(part(body, start, Math.max(start, end)));
            at = next;
        }
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw WireValues.invalid("uploadType=multipart needs Content-Type: multipart/related; boundary=…, was "
                    + contentType);
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring("boundary=".length());
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        throw WireValues.invalid("the multipart Content-Type names no boundary: " + contentType);
    }

    private static Part part(byte[] body, int start, int end) {
        Map<String, String> headers = new LinkedHashMap<>();
        int at = start;
        while (at < end) {
            int lineEnd = indexOf(body, new byte[] {'\n'}, at);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            String line = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).strip();
            at = Math.min(end, lineEnd + 1);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] content = java.util.Arrays.copyOfRange(body, at, end);
        if ("base64".equalsIgnoreCase(headers.get("content-transfer-encoding"))) {
            content = Base64.getMimeDecoder().decode(content);
        }
        return new Part(headers, content);
    }

    private static int skipLineBreak(byte[] body, int at) {
        int i = at;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++; // transport padding (RFC 2046 5.1.1)
        }
        if (i < body.length && body[i] == '\r') {
            i++;
        }
        if (i < body.length && body[i] == '\n') {
            i++;
        }
        return i;
    }

    /** First index of {@code needle} at or after {@code from}, or -1: the body's length times the boundary's at most. */
    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
