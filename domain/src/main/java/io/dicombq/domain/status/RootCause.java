package io.dicombq.domain.status;

/**
 * The innermost cause of a failure, for messages: libraries wrap the one line a user can act on ("No space left on
 * device") in their own ("Writing to … failed"), and a message that shows only the outer one hides it.
 */
public final class RootCause {
    private RootCause() {
    }

    /** {@code " (caused by TYPE: message)"} for the innermost cause of {@code failure}, or "" when it has none. */
    public static String of(Throwable failure) {
        Throwable root = failure;
        // a cycle of causes ends the walk where it started again
        for (int steps = 0; root.getCause() != null && root.getCause() != root && steps < 64; steps++) {
            root = root.getCause();
        }
        return root == failure ? "" : " (caused by " + root + ")";
    }
}
