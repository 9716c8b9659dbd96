package io.dicombq.domain.operation;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

/** The ID rules of the Healthcare API resource names that dicombq accepts. */
final class ResourceIds {
    private static final int MAX_ID_LENGTH = 256;

    private ResourceIds() {
    }

    /**
     * Healthcare API dataset, DICOM store and operation IDs: 1–256 characters of Unicode letters, digits,
     * {@code _}, {@code -} and {@code .} (dicomStores.create reference, "DICOM store ID").
     */
    static String requireId(String kind, String id) {
        if (id == null || id.isEmpty()) {
            throw invalid(kind + " ID is empty; use 1-256 letters, digits, '_', '-' or '.'");
        }
        int length = id.codePointCount(0, id.length());
        if (length > MAX_ID_LENGTH) {
            throw invalid(kind + " ID '" + abbreviate(id) + "' has " + length + " characters; at most "
                    + MAX_ID_LENGTH + " are allowed");
        }
        int offset = 0;
        while (offset < id.length()) {
            int cp = id.codePointAt(offset);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.')) {
                throw invalid(kind + " ID '" + abbreviate(id) + "' contains '" + new String(Character.toChars(cp))
                        + "' at position " + (offset + 1) + "; only letters, digits, '_', '-' and '.' are allowed");
            }
            offset += Character.charCount(cp);
        }
        return id;
    }

    /** Google Cloud project IDs: 6–30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
    static String requireProject(String project) {
        if (project == null || !project.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
            throw invalid("project ID '" + (project == null ? "" : abbreviate(project)) + "' is not valid: use 6-30"
                    + " lowercase letters, digits and '-', starting with a letter and not ending with '-'");
        }
        return project;
    }

    /** Locations such as {@code us-central1}: 1–63 lowercase letters, digits and hyphens, starting with a letter. */
    static String requireLocation(String location) {
        if (location == null || !location.matches("[a-z][a-z0-9-]{0,62}")) {
            throw invalid("location '" + (location == null ? "" : abbreviate(location)) + "' is not valid: use 1-63"
                    + " lowercase letters, digits and '-', starting with a letter (e.g. us-central1)");
        }
        return location;
    }

    static DicombqException invalid(String message) {
        return new DicombqException(Code.INVALID_ARGUMENT, message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
