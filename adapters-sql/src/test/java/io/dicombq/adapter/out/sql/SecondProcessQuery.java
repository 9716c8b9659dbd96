package io.dicombq.adapter.out.sql;

import io.dicombq.adapter.out.h2.H2Warehouse;

import io.dicombq.application.port.out.QueryRequest;

import java.nio.file.Path;

/** Run in a child JVM by {@link TwoProcessesTest}: opens the same data directory and counts a table's rows. */
public final class SecondProcessQuery {
    private SecondProcessQuery() {
    }

    public static void main(String[] args) {
        try (H2Warehouse warehouse = H2Warehouse.open(Path.of(args[0]))) {
            Object n = new H2QueryEngine(warehouse).query(QueryRequest.of(args[1], "two-processes")).rows().get(0).get("n");
            System.out.println("COUNT=" + n);
        }
    }
}
