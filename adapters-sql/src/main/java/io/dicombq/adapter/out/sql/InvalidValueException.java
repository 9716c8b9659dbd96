package io.dicombq.adapter.out.sql;

/**
 * Thrown by a function the engine installs in H2 when a row's value is one BigQuery rejects too (a string
 * PARSE_DATE cannot read, a date out of range), or one whose BigQuery answer the engine does not know exactly
 * ({@link #unknownAnswer}); the engine reports it as INVALID_ARGUMENT with this message.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final boolean bigQueryFails;

    public InvalidValueException(String message) {
        this(message, true);
    }

    private InvalidValueException(String message, boolean bigQueryFails) {
        super(message);
        this.bigQueryFails = bigQueryFails;
    }

    /**
     * A value BigQuery answers but the engine cannot reproduce: the query fails, even under {@code SAFE.}, with a
     * refusal naming {@code construct}.
     */
    static InvalidValueException unknownAnswer(String construct) {
        return new InvalidValueException(Refusals.message(construct), false);
    }

    /** Whether BigQuery fails on this value too, so {@code SAFE.} may turn it into NULL. */
    boolean bigQueryFails() {
        return bigQueryFails;
    }
}
