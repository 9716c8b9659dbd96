package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import io.dicombq.domain.status.RpcError;

import java.sql.Connection;

/**
 * The positions a correlated UNNEST reads from the warehouse's numbers table (H2 cannot correlate its own UNNEST).
 * A stored array always fits, since the warehouse grows the table on write; an array built in the query (ARRAY_AGG,
 * GENERATE_ARRAY, SPLIT…) may not, so its length is checked while the query runs, and a query that meets a longer
 * one grows the table and runs again rather than silently cutting the array short.
 */
final class UnnestPositions {
    /** The longest built array the engine grows the numbers table for; a longer one is refused by name. */
    static final int MAX_BUILT_ARRAY = 1_000_000;

    private UnnestPositions() {
    }

    /** The SQL of the upper position bound for an array of {@code cardinalitySql} elements built in the query. */
    static String checkedLength(String cardinalitySql) {
        return StrictFunctions.call("unnest_length", cardinalitySql, "(SELECT MAX(N) FROM " + Catalog.numsTable() + ")");
    }

    /** Thrown (inside H2) when a built array is longer than the numbers table. */
    static final class TooShort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int length;

        TooShort(int length) {
            super("UNNEST of an array of " + length + " elements needs more positions than the numbers table holds");
            this.length = length;
        }
    }

    /** The array length a failed query needed, or -1 when it failed for another reason. */
    static int neededLength(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooShort) {
                return ((TooShort) cause).length;
            }
        }
        return -1;
    }

    /** Grows the numbers table to {@code length} positions, or refuses an array past {@link #MAX_BUILT_ARRAY}. */
    static void grow(Connection connection, int length) {
        if (length > MAX_BUILT_ARRAY) {
            throw ResolvedTranslator.refuse("UNNEST of an array of " + length + " elements (more than "
                    + MAX_BUILT_ARRAY + ")");
        }
        try {
            Catalog.ensureNums(connection, length);
        } catch (RuntimeException e) {
            throw new DicombqException(new RpcError(Code.INTERNAL, "could not extend the numbers table for an UNNEST of "
                    + length + " elements: " + e.getMessage()), e);
        }
    }
}
