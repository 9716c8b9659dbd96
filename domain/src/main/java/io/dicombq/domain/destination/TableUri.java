package io.dicombq.domain.destination;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A BigQuery table address {@code bq://PROJECT.DATASET.TABLE} (specification 1.1). Self-validating: a
 * {@code TableUri} that exists names a table BigQuery would accept, so every component is checked in the
 * constructor and {@link #parse(String)} only splits the text.
 */
public record TableUri(String project, String dataset, String table) {
    public static final String PREFIX = "bq://";
    /** specification 1.1: the whole {@code tableUri} is at most 2000 characters. */
    public static final int MAX_URI_LENGTH = 2000;
    static final int PROJECT_MIN = 6;
    static final int PROJECT_MAX = 30;
    static final int DATASET_MAX = 1024;
    static final int TABLE_MAX_UTF8_BYTES = 1024;

    private static final String PROJECT_RULE = "a project ID has 6 to 30 characters: lowercase ASCII letters, digits"
            + " and '-', starting with a letter and not ending with '-'";
    private static final String DATASET_RULE = "a dataset ID has 1 to 1024 characters: ASCII letters, digits and '_'";
    private static final String TABLE_RULE = "a table ID has 1 to 1024 UTF-8 bytes of Unicode letters, marks, numbers,"
            + " connector punctuation such as '_', dashes and spaces";
    private static final String SHAPE_RULE = "the form is bq://PROJECT.DATASET.TABLE";

    public TableUri {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(table, "table");
        checkProject(project);
        checkDataset(dataset);
        checkTable(table);
    }

    /**
     * Reads {@code bq://PROJECT.DATASET.TABLE}.
     *
     * @throws DicombqException INVALID_ARGUMENT naming the part that is wrong, its value and the rule it breaks
     */
    public static TableUri parse(String uri) {
        if (uri == null || uri.isEmpty()) {
            throw invalid("tableUri is missing; " + SHAPE_RULE + ", e.g. bq://my-project.my_dataset.my_table");
        }
        if (uri.length() > MAX_URI_LENGTH) {
            throw invalid("tableUri " + quote(uri) + " has " + uri.length() + " characters; a tableUri has at most "
                    + MAX_URI_LENGTH + " characters");
        }
        if (!uri.startsWith(PREFIX)) {
            throw invalid("tableUri " + quote(uri) + " does not start with '" + PREFIX + "'; " + SHAPE_RULE);
        }
        String path = uri.substring(PREFIX.length());
        String[] parts = path.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("tableUri " + quote(uri) + " has " + parts.length + " part" + (parts.length == 1 ? "" : "s")
                    + " separated by '.'; " + SHAPE_RULE + " with exactly three parts");
        }
        String[] names = {"project", "dataset", "table"};
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty()) {
                throw invalid("tableUri " + quote(uri) + " has an empty " + names[i] + " part; " + SHAPE_RULE
                        + " with three non-empty parts");
            }
        }
        return new TableUri(parts[0], parts[1], parts[2]);
    }

    /** {@code PROJECT.DATASET.TABLE}, as a BigQuery standard SQL path. */
    public String path() {
        return project + "." + dataset + "." + table;
    }

    @Override
    public String toString() {
        return PREFIX + path();
    }

    private static void checkProject(String project) {
        int length = project.length();
        if (length < PROJECT_MIN || length > PROJECT_MAX) {
            throw invalidPart("project", project, "has " + length + " characters", PROJECT_RULE);
        }
        for (int i = 0; i < length; i++) {
            char c = project.charAt(i);
            if (!(isLowerAsciiLetter(c) || isAsciiDigit(c) || c == '-')) {
                throw invalidPart("project", project, "contains " + describe(c) + " at position " + (i + 1),
                        PROJECT_RULE);
            }
        }
        if (!isLowerAsciiLetter(project.charAt(0))) {
            throw invalidPart("project", project, "does not start with a lowercase letter", PROJECT_RULE);
        }
        if (project.charAt(length - 1) == '-') {
            throw invalidPart("project", project, "ends with '-'", PROJECT_RULE);
        }
    }

    private static void checkDataset(String dataset) {
        int length = dataset.length();
        if (length < 1 || length > DATASET_MAX) {
            throw invalidPart("dataset", dataset, "has " + length + " characters", DATASET_RULE);
        }
        for (int i = 0; i < length; i++) {
            char c = dataset.charAt(i);
            if (!(isLowerAsciiLetter(c) || (c >= 'A' && c <= 'Z') || isAsciiDigit(c) || c == '_')) {
                throw invalidPart("dataset", dataset, "contains " + describe(c) + " at position " + (i + 1),
                        DATASET_RULE);
            }
        }
    }

    private static void checkTable(String table) {
        int bytes = table.getBytes(StandardCharsets.UTF_8).length;
        if (table.isEmpty() || bytes > TABLE_MAX_UTF8_BYTES) {
            throw invalidPart("table", table, "has " + bytes + " UTF-8 bytes", TABLE_RULE);
        }
        int position = 0;
        for (int i = 0; i < table.length(); ) {
            int codePoint = table.codePointAt(i);
            position++;
            if (!isTableCharacter(codePoint)) {
                throw invalidPart("table", table, "contains " + describe(codePoint) + " at character " + position,
                        TABLE_RULE);
            }
            i += Character.charCount(codePoint);
        }
    }

    /** BigQuery table names: Unicode categories L, M, N, Pc, Pd and Zs. */
    private static boolean isTableCharacter(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.SPACE_SEPARATOR -> true;
            default -> false;
        };
    }

    private static boolean isLowerAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) && codePoint != ' '
                ? "" : "'" + new String(Character.toChars(codePoint)) + "' ";
        return shown + String.format("(U+%04X%s)", codePoint, name == null ? "" : " " + name);
    }

    private static DicombqException invalidPart(String part, String value, String problem, String rule) {
        return invalid("tableUri " + part + " " + quote(value) + " " + problem + "; " + rule);
    }

    /** Quotes a value for a message, shortening very long ones so the message stays readable. */
    private static String quote(String value) {
        if (value.length() <= 120) {
            return "'" + value + "'";
        }
        int end = Character.isHighSurrogate(value.charAt(99)) ? 99 : 100;
        return "'" + value.substring(0, end) + "…' (" + value.length() + " characters)";
    }

    private static DicombqException invalid(String message) {
        return new DicombqException(Code.INVALID_ARGUMENT, message);
    }
}
