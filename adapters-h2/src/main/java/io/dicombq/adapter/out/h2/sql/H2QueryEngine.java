package io.dicombq.adapter.out.h2.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.application.port.out.QueryEngine;
import io.dicombq.application.port.out.QueryRequest;
import io.dicombq.application.port.out.QueryResult;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

/** BigQuery Standard SQL over the embedded warehouse (translation lands in the next commits). */
public final class H2QueryEngine implements QueryEngine {
    private final H2Warehouse warehouse;

    public H2QueryEngine(H2Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public QueryResult query(QueryRequest request) {
        throw new DicombqException(Code.UNIMPLEMENTED, "queries on " + warehouse.database().url() + " are not implemented yet");
    }
}
