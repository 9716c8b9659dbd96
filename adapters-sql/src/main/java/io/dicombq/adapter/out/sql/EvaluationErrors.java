package io.dicombq.adapter.out.sql;

import java.sql.SQLException;
import java.util.Set;

/**
 * Which failures of a translated query are BigQuery's own evaluation errors (a bad value in a row: overflow, division
 * by zero, a bad cast, ERROR(), an index out of bounds, a scalar subquery of several rows), as opposed to a refusal
 * or a fault of the engine. The engine reports the first kind with the value's message; IFERROR and ISERROR catch
 * exactly that kind (BigQuery docs: debugging functions, "evaluation error" versus "system error").
 */
final class EvaluationErrors {
    /** H2's data errors that BigQuery raises too: numeric out of range, division by zero, conversion, datetime, subscript. */
    private static final Set<Integer> H2_DATA_ERRORS = Set.of(22003, 22004, 22007, 22012, 22018, 22034);
    /**
     * H2's "Value too long for column": a NUMERIC overflow where it names NUMERIC(38, 9), while a string, bytes or
     * array past H2's own limits is not BigQuery's error.
     */
    private static final int VALUE_TOO_LONG = 22001;
    /** H2's "Scalar subquery contains more than one row". */
    private static final int SCALAR_SUBQUERY_ROWS = 90053;

    private EvaluationErrors() {
    }

    /**
     * The exception one of the engine's functions threw for a row's value (an {@link InvalidValueException}, or a
     * conversion's "Bad … value"), or null when the failure has no such cause.
     */
    static RuntimeException valueError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException
                    || (cause instanceof IllegalArgumentException && cause.getMessage() != null && cause.getMessage().startsWith("Bad "))) {
                return (RuntimeException) cause;
            }
        }
        return null;
    }

    /** Whether BigQuery fails with an evaluation error here too (a refusal or an engine fault is not one). */
    static boolean bigQueryFails(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnnestPositions.TooShort) {
                // the engine runs the query again with a longer numbers table
                return false;
            }
        }
        RuntimeException value = valueError(failure);
        if (value instanceof InvalidValueException) {
            return ((InvalidValueException) value).bigQueryFails();
        }
        if (value != null) {
            return true;
        }
        int code = failure.getErrorCode();
        return H2_DATA_ERRORS.contains(code) || code == SCALAR_SUBQUERY_ROWS
                || (code == VALUE_TOO_LONG && String.valueOf(failure.getMessage()).contains("\"NUMERIC("));
    }
}
