package io.dicombq.adapter.out.sql;

/**
 * Thrown by a function the engine installs in H2 when a row's value is one BigQuery rejects too (a string
 * PARSE_DATE cannot read, a date out of range); the engine reports it as INVALID_ARGUMENT with this message.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
