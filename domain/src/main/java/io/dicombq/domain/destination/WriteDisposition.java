package io.dicombq.domain.destination;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.Locale;

/**
 * {@code bigqueryDestination.writeDisposition} (specification 1.1 and 1.2), with its REST name and the
 * {@code --write-disposition} value of the command line.
 */
public enum WriteDisposition {
    /** The proto default: the same as not setting the field. */
    WRITE_DISPOSITION_UNSPECIFIED,
    /** Write only into an absent or empty table. */
    WRITE_EMPTY,
    /** Erase the table's rows and schema, then write. */
    WRITE_TRUNCATE,
    /** Keep the rows, add the export's. */
    WRITE_APPEND;

    /** Whether the request sets a disposition: UNSPECIFIED means "not set" (specification 1.2). */
    public boolean isSet() {
        return this != WRITE_DISPOSITION_UNSPECIFIED;
    }

    /** The command-line spelling, e.g. {@code write-empty}; UNSPECIFIED has none and answers an empty string. */
    public String cliValue() {
        return isSet() ? name().toLowerCase(Locale.ROOT).replace('_', '-') : "";
    }

    /**
     * The REST JSON value, exactly as the API spells it ({@code WRITE_EMPTY}, …, {@code WRITE_DISPOSITION_UNSPECIFIED}).
     *
     * @throws DicombqException INVALID_ARGUMENT for any other text
     */
    public static WriteDisposition fromRestName(String value) {
        for (WriteDisposition disposition : values()) {
            if (disposition.name().equals(value)) {
                return disposition;
            }
        }
        throw new DicombqException(Code.INVALID_ARGUMENT, "Invalid value for bigqueryDestination.writeDisposition: "
                + quoted(value) + "; expected one of WRITE_EMPTY, WRITE_TRUNCATE, WRITE_APPEND or"
                + " WRITE_DISPOSITION_UNSPECIFIED");
    }

    /**
     * The {@code --write-disposition} value: {@code write-empty}, {@code write-truncate} or {@code write-append}
     * in any case, with '-' or '_' (so the REST names are accepted too).
     *
     * @throws DicombqException INVALID_ARGUMENT for any other text
     */
    public static WriteDisposition fromCliValue(String value) {
        if (value != null) {
            String normalised = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (WriteDisposition disposition : values()) {
                if (disposition.isSet() && disposition.name().equals(normalised)) {
                    return disposition;
                }
            }
        }
        throw new DicombqException(Code.INVALID_ARGUMENT, "Invalid value for --write-disposition: " + quoted(value)
                + "; expected one of write-empty, write-truncate, write-append");
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
