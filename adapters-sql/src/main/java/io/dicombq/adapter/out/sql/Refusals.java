package io.dicombq.adapter.out.sql;

/**
 * The one wording of a refusal, whether the translator meets a construct it cannot run exactly or a runtime function
 * meets a value whose BigQuery answer it cannot reproduce (specification 6: a named refusal, never a different answer).
 */
final class Refusals {
    private Refusals() {
    }

    static String message(String construct) {
        return construct + " is not supported by the embedded warehouse (see docs/sql.md)";
    }
}
