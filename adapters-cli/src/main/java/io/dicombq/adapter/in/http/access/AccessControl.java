package io.dicombq.adapter.in.http.access;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling and whether they may: bearer tokens are compared by their SHA-256 digest (the access file holds
 * no usable token, and the comparison takes the same time whatever matches), then the principal's bindings decide.
 */
public final class AccessControl {
    private final Map<String, Principal> principalsByTokenDigest;

    private AccessControl(Map<String, Principal> principalsByTokenDigest) {
        this.principalsByTokenDigest = principalsByTokenDigest;
    }

    /** No access file: every request is the local user's. */
    public static AccessControl open() {
        return new AccessControl(Map.of());
    }

    /** Principals by the lower-case hex SHA-256 of their token. */
    public static AccessControl of(Map<String, Principal> principalsByTokenDigest) {
        if (principalsByTokenDigest.isEmpty()) {
            throw new IllegalArgumentException("an access file with no principals would lock everyone out");
        }
        return new AccessControl(Map.copyOf(principalsByTokenDigest));
    }

    public boolean enforced() {
        return !principalsByTokenDigest.isEmpty();
    }

    /** The principal of a request's {@code Authorization} header (RFC 6750 2.1), or UNAUTHENTICATED. */
    public Principal authenticate(Optional<String> authorization) {
        if (!enforced()) {
            return Principal.LOCAL_USER;
        }
        String header = authorization.orElse("").strip();
        if (header.isEmpty()) {
            throw new DicombqException(Code.UNAUTHENTICATED, "Request is missing required authentication credential."
                    + " Send 'Authorization: Bearer TOKEN' with a token from this server's access file.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new DicombqException(Code.UNAUTHENTICATED, "Request had invalid authentication credentials."
                    + " Only bearer tokens are accepted: 'Authorization: Bearer TOKEN'.");
        }
        byte[] digest = sha256(header.substring(7).strip());
        Principal found = null;
        for (Map.Entry<String, Principal> entry : principalsByTokenDigest.entrySet()) {
            if (MessageDigest.isEqual(digest, hex(entry.getKey()))) {
                found = entry.getValue();
            }
        }
        if (found == null) {
            throw new DicombqException(Code.UNAUTHENTICATED, "Request had invalid authentication credentials."
                    + " The bearer token is not in this server's access file.");
        }
        return found;
    }

    /** PERMISSION_DENIED unless the principal holds the permission on the resource (or above it). */
    public static void authorize(Principal principal, ApiPermission permission, String resource) {
        if (!principal.may(permission, resource)) {
            throw new DicombqException(Code.PERMISSION_DENIED, "Permission '" + permission.iamName() + "' denied on resource '"
                    + resource + "' (or it may not exist) for " + principal.name()
                    + "; ask the server's administrator for a binding in its access file");
        }
    }

    public static String sha256Hex(String token) {
        StringBuilder hex = new StringBuilder(64);
        for (byte b : sha256(token)) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] hex(String digest) {
        byte[] bytes = new byte[digest.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digest, 2 * i, 2 * i + 2, 16);
        }
        return bytes;
    }

    public List<Principal> principals() {
        return List.copyOf(principalsByTokenDigest.values());
    }
}
