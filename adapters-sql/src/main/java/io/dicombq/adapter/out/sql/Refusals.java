package io.dicombq.adapter.out.sql;

/**
 * The one wording of a refusal, whether the translator meets a construct it cannot run exactly or a runtime function
 * meets a value whose BigQuery answer it cannot reproduce (specification 6: a named refusal, never a different answer).
 */
final class Refusals {
    private Refusals() {
    }

    private static final String SUFFIX = " is not supported by the embedded warehouse (see docs/sql.md)";

    static String message(String construct) {
        return construct + SUFFIX;
    }

    /** The construct a refusal names, or the message itself when it is not a refusal (so a wrapper names it once). */
    static String construct(String message) {
        return message.endsWith(SUFFIX) ? message.substring(0, message.length() - SUFFIX.length()) : message;
    }
}
