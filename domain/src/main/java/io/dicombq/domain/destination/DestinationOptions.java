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

    /**
     * {@code force: true} and no write disposition: the legacy overwrite switch counts. With a disposition set,
     * force is ignored (REST reference of BigQueryDestination.force, specification 1.1).
     */
    public boolean forced() {
        return force.orElse(false) && !effectiveDisposition().isSet();
    }

    /** {@code force: true} said together with a write disposition, which wins: force has no effect. */
    public boolean forceIgnored() {
        return force.orElse(false) && effectiveDisposition().isSet();
    }

    /** The disposition that counts: absent and WRITE_DISPOSITION_UNSPECIFIED both mean "not set". */
    public WriteDisposition effectiveDisposition() {
        return writeDisposition.orElse(WriteDisposition.WRITE_DISPOSITION_UNSPECIFIED);
    }
}
