package io.dicombq.domain.destination;

import io.dicombq.domain.status.RpcError;

import java.util.Objects;

/** What the export does with its destination table once it knows the table's state (specification 1.2). */
public sealed interface DestinationDecision {

    /** Go ahead and write the table this way. */
    record Proceed(WritePlan plan) implements DestinationDecision {
        public Proceed {
            Objects.requireNonNull(plan, "plan");
        }
    }

    /** Do not touch the table; the operation ends with this error. */
    record Refuse(RpcError error) implements DestinationDecision {
        public Refuse {
            Objects.requireNonNull(error, "error");
        }
    }
}
