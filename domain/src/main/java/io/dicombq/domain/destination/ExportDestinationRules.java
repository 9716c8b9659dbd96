package io.dicombq.domain.destination;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.RpcError;

import java.util.Optional;

/**
 * specification 1.2: force versus write disposition versus the destination table's state. The decision runs when
 * the operation has read the table's state; force said with a disposition is ignored (specification 1.1).
 */
public final class ExportDestinationRules {

    private ExportDestinationRules() {
    }

    /**
     * specification 1.1, Decision: force with a write disposition is accepted and force ignored, as Google's REST
     * reference says; the CLI tells its user so in one line, the HTTP API answers as Google does.
     */
    public static Optional<String> ignoredForceWarning(DestinationOptions options) {
        if (!options.forceIgnored()) {
            return Optional.empty();
        }
        WriteDisposition disposition = options.effectiveDisposition();
        return Optional.of("--overwrite-table (force) is ignored because --write-disposition="
                + disposition.cliValue() + " (" + disposition + ") is set; the write disposition decides");
    }

    /** What to do with {@code table}, found in {@code state}, under these options. */
    public static DestinationDecision decide(TableUri table, DestinationOptions options, TableState state) {
        // WRITE_APPEND creates an absent table, and appends to it if another write created it meanwhile, as a
        // BigQuery load with CREATE_IF_NEEDED does: concurrent appends to a new table all land.
        if (state == TableState.ABSENT && options.effectiveDisposition() != WriteDisposition.WRITE_APPEND) {
            return new DestinationDecision.Proceed(WritePlan.CREATE);
        }
        if (options.forced()) {
            return new DestinationDecision.Proceed(WritePlan.OVERWRITE);
        }
        return switch (options.effectiveDisposition()) {
            case WRITE_DISPOSITION_UNSPECIFIED -> new DestinationDecision.Refuse(RpcError.of(Code.ALREADY_EXISTS,
                    "Destination table " + table + " already exists; set --overwrite-table (force) to replace it, or"
                            + " --write-disposition (writeDisposition) to write into it"));
            // The one documented difference from force: WRITE_EMPTY accepts an existing empty table.
            case WRITE_EMPTY -> state == TableState.EMPTY
                    ? new DestinationDecision.Proceed(WritePlan.WRITE_INTO_EMPTY)
                    : new DestinationDecision.Refuse(RpcError.of(Code.FAILED_PRECONDITION, "WRITE_EMPTY: table is not"
                    + " empty: " + table + " has rows; use WRITE_TRUNCATE to replace them or WRITE_APPEND to add to them"));
            // WRITE_TRUNCATE replaces the schema even of an empty table (specification 1.2, Decision).
            case WRITE_TRUNCATE -> new DestinationDecision.Proceed(WritePlan.TRUNCATE_THEN_WRITE);
            case WRITE_APPEND -> new DestinationDecision.Proceed(WritePlan.APPEND);
        };
    }
}
