package io.dicombq.domain.destination;

import java.util.Objects;
import java.util.Optional;

/**
 * How the request says to treat an existing destination table: {@code bigqueryDestination.force}
 * ({@code --overwrite-table}) and {@code bigqueryDestination.writeDisposition} ({@code --write-disposition}),
 * each possibly absent. Any combination can be held; {@link ExportDestinationRules} says which are valid.
 */
public record DestinationOptions(Optional<Boolean> force, Optional<WriteDisposition> writeDisposition) {
    public DestinationOptions {
        Objects.requireNonNull(force, "force");
        Objects.requireNonNull(writeDisposition, "writeDisposition");
    }

    /** Neither field set: the table is created and must not already exist. */
    public static DestinationOptions none() {
        return new DestinationOptions(Optional.empty(), Optional.empty());
    }

    /** From request fields where null means "absent". */
    public static DestinationOptions of(Boolean force, WriteDisposition writeDisposition) {
        return new DestinationOptions(Optional.ofNullable(force), Optional.ofNullable(writeDisposition));
    }

    /** {@code force: true}: the legacy overwrite switch is on. */
    public boolean forced() {
        return force.orElse(false);
    }

    /** The disposition that counts: absent and WRITE_DISPOSITION_UNSPECIFIED both mean "not set". */
    public WriteDisposition effectiveDisposition() {
        return writeDisposition.orElse(WriteDisposition.WRITE_DISPOSITION_UNSPECIFIED);
    }
}
