package io.dicombq.application.port.out;

import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.status.RpcError;

import java.util.Optional;

/** Whether a store's project may write into a destination dataset (specification 1.3), checked before anything is written. */
public interface DestinationAccessPolicy {

    /** Empty when the export may proceed; otherwise the PERMISSION_DENIED error that ends it. */
    Optional<RpcError> check(DicomStoreName store, TableUri table);

    /**
     * For a warehouse that enforces its own access control (real BigQuery IAM): nothing to check here, the
     * warehouse's own PERMISSION_DENIED passes through as the operation's error (specification 1.3, last sentence).
     */
    static DestinationAccessPolicy enforcedByWarehouse() {
        return (store, table) -> Optional.empty();
    }
}
