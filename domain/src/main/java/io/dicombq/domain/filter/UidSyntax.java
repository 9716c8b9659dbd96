package io.dicombq.domain.filter;

/** The shape of a DICOM UID (PS3.5 9.1): digits and dots, at most 64 characters, no empty component. */
final class UidSyntax {
    static final int MAX_LENGTH = 64;
    static final String RULE = "a DICOM UID is digits and dots, at most 64 characters, with no empty component";

    private UidSyntax() {
    }

    /** What is wrong with {@code uid}, or null when it is a valid UID. */
    static String problem(String uid) {
        if (uid.isEmpty()) {
            return "is empty";
        }
        if (uid.length() > MAX_LENGTH) {
            return "has " + uid.length() + " characters";
        }
        for (int i = 0; i < uid.length(); i++) {
            char c = uid.charAt(i);
            if (c == '.') {
                // PS3.5 9.1: components are separated by single dots, so no leading, trailing or doubled dot.
                if (i == 0 || i == uid.length() - 1 || uid.charAt(i - 1) == '.') {
                    return "has an empty component at position " + (i + 1);
                }
            } else if (c < '0' || c > '9') {
                return "contains '" + c + "' at position " + (i + 1);
            }
        }
        return null;
    }
}
