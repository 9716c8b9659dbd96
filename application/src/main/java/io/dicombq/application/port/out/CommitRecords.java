package io.dicombq.application.port.out;

import java.util.Optional;

/**
 * Whether the staged write committed under an id did commit: a warehouse that records the id in the commit's own
 * transaction knows it even after the process that committed died before it could say so.
 */
@FunctionalInterface
public interface CommitRecords {

    /** True or false when the warehouse knows; empty when it cannot tell. */
    Optional<Boolean> committed(String writeId);

    /** A warehouse that keeps no record of its commits. */
    static CommitRecords unknown() {
        return writeId -> Optional.empty();
    }
}
